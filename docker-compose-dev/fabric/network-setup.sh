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

mkdir -p $C/chaincode
cd $C/chaincode
# The package id hashes the archive bytes, timestamps included: build it once and keep it, or a re-run would
# produce a new id that no org approved.
if [ ! -f marbles.tgz ]; then
  tar -C /fabric/chaincode -czf code.tar.gz connection.json
  tar -czf marbles.tgz -C /fabric/chaincode metadata.json -C $C/chaincode code.tar.gz
fi
PACKAGE_ID=$(peer lifecycle chaincode calculatepackageid marbles.tgz)
# The chaincode servers read their id from here (CHAINCODE_ID must equal the installed package id).
echo "$PACKAGE_ID" > marbles.id
echo "marbles package id: $PACKAGE_ID"

for org in 1 2; do
  as_org $org
  if peer channel list | grep -qx mychannel; then
    echo "peer0.org$org already joined mychannel"
  else
    peer channel join -b $C/mychannel.block
  fi
  if peer lifecycle chaincode queryinstalled | grep -q "$PACKAGE_ID"; then
    echo "marbles already installed on peer0.org$org"
  else
    peer lifecycle chaincode install marbles.tgz
  fi
done

ORDERER="-o orderer0.example.com:7050 --tls --cafile $ORDERER_TLS_CA"
if peer lifecycle chaincode querycommitted -C mychannel -n marbles >/dev/null 2>&1; then
  echo "marbles is already committed on mychannel"
  exit 0
fi
for org in 1 2; do
  as_org $org
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
