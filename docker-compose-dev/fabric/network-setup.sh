#!/bin/sh
# The walkthrough's channel and chaincode steps, idempotent: orderers join mychannel (osnadmin), peers join,
# the marbles CCaaS package is installed, approved by each org and committed. Each step that is already done is
# skipped, so a second `docker compose up` converges.
set -eu
C=/crypto
ORDERER_TLS_CA=$C/ordererOrganizations/example.com/tlsca/tlsca.example.com-cert.pem
ADMIN_TLS=$C/ordererOrganizations/example.com/users/Admin@example.com/tls

for o in orderer0 orderer1 orderer2; do
  if osnadmin channel list -o "$o.example.com:7053" --ca-file "$ORDERER_TLS_CA" \
      --client-cert "$ADMIN_TLS/client.crt" --client-key "$ADMIN_TLS/client.key" | grep -q '"name": "mychannel"'; then
    echo "$o already has mychannel"
  else
    osnadmin channel join --channelID mychannel --config-block $C/mychannel.block -o "$o.example.com:7053" \
      --ca-file "$ORDERER_TLS_CA" --client-cert "$ADMIN_TLS/client.crt" --client-key "$ADMIN_TLS/client.key"
  fi
done

as_org() { # org number: sets the peer CLI environment to that org's admin on its peer
  export CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_LOCALMSPID="Org$1MSP"
  export CORE_PEER_MSPCONFIGPATH="$C/peerOrganizations/org$1.example.com/users/Admin@org$1.example.com/msp"
  export CORE_PEER_TLS_ROOTCERT_FILE="$C/peerOrganizations/org$1.example.com/tlsca/tlsca.org$1.example.com-cert.pem"
  export CORE_PEER_ADDRESS="peer0.org$1.example.com:7051"
}

# One package per org, each with that org's chaincode mutual-TLS material (package-marbles.sh).
PACKAGE_ID_1=$(sh /fabric/package-marbles.sh 1)
PACKAGE_ID_2=$(sh /fabric/package-marbles.sh 2)
echo "marbles package ids: Org1MSP $PACKAGE_ID_1, Org2MSP $PACKAGE_ID_2"
cd $C/chaincode

for org in 1 2; do
  as_org $org
  if peer channel list | grep -qx mychannel; then
    echo "peer0.org$org already joined mychannel"
  else
    peer channel join -b $C/mychannel.block
  fi
  eval PACKAGE_ID=\$PACKAGE_ID_$org
  if peer lifecycle chaincode queryinstalled | grep -q "$PACKAGE_ID"; then
    echo "marbles already installed on peer0.org$org"
  else
    peer lifecycle chaincode install marbles-org$org.tgz
  fi
done

ORDERER="-o orderer0.example.com:7050 --tls --cafile $ORDERER_TLS_CA"
if peer lifecycle chaincode querycommitted -C mychannel -n marbles >/dev/null 2>&1; then
  echo "marbles is already committed on mychannel"
  exit 0
fi
for org in 1 2; do
  as_org $org
  eval PACKAGE_ID=\$PACKAGE_ID_$org
  peer lifecycle chaincode approveformyorg $ORDERER -C mychannel -n marbles -v 1.0 --sequence 1 \
    --package-id "$PACKAGE_ID" || echo "approval of Org${org}MSP already recorded"
done
peer lifecycle chaincode checkcommitreadiness -C mychannel -n marbles -v 1.0 --sequence 1 --output json
as_org 1
peer lifecycle chaincode commit $ORDERER -C mychannel -n marbles -v 1.0 --sequence 1 \
  --peerAddresses peer0.org1.example.com:7051 \
  --tlsRootCertFiles $C/peerOrganizations/org1.example.com/tlsca/tlsca.org1.example.com-cert.pem \
  --peerAddresses peer0.org2.example.com:7051 \
  --tlsRootCertFiles $C/peerOrganizations/org2.example.com/tlsca/tlsca.org2.example.com-cert.pem
echo "marbles 1.0 committed on mychannel"
