#!/usr/bin/env bash
# The walkthrough's manual sequence with Fabric's own CLIs, for the provisioner benchmark (not a build script):
#   cryptogen generate, configtxgen -outputBlock, start 3 orderers + 2 peers, osnadmin channel join x3,
#   peer channel join x2.
# Usage: walkthrough-manual.sh WORK_DIR PORT_BASE     (FABRIC_BIN must name the Fabric bin/ folder)
# Leaves the node PIDs in WORK_DIR/pids for the caller to stop. Prints "READY" when both peers list mychannel.
set -euo pipefail

work="$1"
base="$2"
bin="${FABRIC_BIN:?FABRIC_BIN must name the Fabric bin folder}"
cfg="$(cd "$bin/../config" && pwd)"
host=127.0.0.1
mkdir -p "$work"
cd "$work"
: >pids

cat >crypto-config.yaml <<YAML
OrdererOrgs:
  - Name: Orderer
    Domain: example.com
    EnableNodeOUs: true
    Specs:
      - { Hostname: orderer0, SANS: [localhost, 127.0.0.1] }
      - { Hostname: orderer1, SANS: [localhost, 127.0.0.1] }
      - { Hostname: orderer2, SANS: [localhost, 127.0.0.1] }
PeerOrgs:
  - Name: Org1
    Domain: org1.example.com
    EnableNodeOUs: true
    Template: { Count: 1, SANS: [localhost, 127.0.0.1] }
    Users: { Count: 1 }
  - Name: Org2
    Domain: org2.example.com
    EnableNodeOUs: true
    Template: { Count: 1, SANS: [localhost, 127.0.0.1] }
    Users: { Count: 1 }
YAML

o_port() { echo $((base + 10 * $1)); }        # client and cluster port of orderer i
o_admin() { echo $((base + 10 * $1 + 2)); }
o_ops() { echo $((base + 10 * $1 + 3)); }
p_port() { echo $((base + 100 * $1)); }       # peer of org i (1, 2)
p_cc() { echo $((base + 100 * $1 + 1)); }
p_ops() { echo $((base + 100 * $1 + 2)); }

ocrypto=crypto-config/ordererOrganizations/example.com
cat >configtx.yaml <<YAML
Organizations:
  - &OrdererOrg
    Name: OrdererOrg
    ID: OrdererMSP
    MSPDir: $work/$ocrypto/msp
    OrdererEndpoints: [ "$host:$(o_port 0)", "$host:$(o_port 1)", "$host:$(o_port 2)" ]
    Policies:
      Readers: { Type: Signature, Rule: "OR('OrdererMSP.member')" }
      Writers: { Type: Signature, Rule: "OR('OrdererMSP.member')" }
      Admins: { Type: Signature, Rule: "OR('OrdererMSP.admin')" }
  - &Org1
    Name: Org1MSP
    ID: Org1MSP
    MSPDir: $work/crypto-config/peerOrganizations/org1.example.com/msp
    AnchorPeers: [ { Host: $host, Port: $(p_port 1) } ]
    Policies:
      Readers: { Type: Signature, Rule: "OR('Org1MSP.admin', 'Org1MSP.peer', 'Org1MSP.client')" }
      Writers: { Type: Signature, Rule: "OR('Org1MSP.admin', 'Org1MSP.client')" }
      Admins: { Type: Signature, Rule: "OR('Org1MSP.admin')" }
      Endorsement: { Type: Signature, Rule: "OR('Org1MSP.peer')" }
  - &Org2
    Name: Org2MSP
    ID: Org2MSP
    MSPDir: $work/crypto-config/peerOrganizations/org2.example.com/msp
    AnchorPeers: [ { Host: $host, Port: $(p_port 2) } ]
    Policies:
      Readers: { Type: Signature, Rule: "OR('Org2MSP.admin', 'Org2MSP.peer', 'Org2MSP.client')" }
      Writers: { Type: Signature, Rule: "OR('Org2MSP.admin', 'Org2MSP.client')" }
      Admins: { Type: Signature, Rule: "OR('Org2MSP.admin')" }
      Endorsement: { Type: Signature, Rule: "OR('Org2MSP.peer')" }
Capabilities:
  Channel: &ChannelCapabilities { V2_0: true }
  Orderer: &OrdererCapabilities { V2_0: true }
  Application: &ApplicationCapabilities { V2_5: true }
Application: &ApplicationDefaults
  Organizations:
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins: { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
    LifecycleEndorsement: { Type: ImplicitMeta, Rule: "MAJORITY Endorsement" }
    Endorsement: { Type: ImplicitMeta, Rule: "MAJORITY Endorsement" }
  Capabilities: *ApplicationCapabilities
Orderer: &OrdererDefaults
  OrdererType: etcdraft
  BatchTimeout: 2s
  BatchSize: { MaxMessageCount: 10, AbsoluteMaxBytes: 99 MB, PreferredMaxBytes: 512 KB }
  EtcdRaft:
    Consenters:
$(for i in 0 1 2; do cat <<C
      - Host: $host
        Port: $(o_port $i)
        ClientTLSCert: $work/$ocrypto/orderers/orderer$i.example.com/tls/server.crt
        ServerTLSCert: $work/$ocrypto/orderers/orderer$i.example.com/tls/server.crt
C
done)
  Organizations:
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins: { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
    BlockValidation: { Type: ImplicitMeta, Rule: "ANY Writers" }
Channel: &ChannelDefaults
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins: { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
  Capabilities: *ChannelCapabilities
Profiles:
  Walkthrough:
    <<: *ChannelDefaults
    Orderer:
      <<: *OrdererDefaults
      Organizations: [ *OrdererOrg ]
      Capabilities: *OrdererCapabilities
    Application:
      <<: *ApplicationDefaults
      Organizations: [ *Org1, *Org2 ]
      Capabilities: *ApplicationCapabilities
YAML

# The peers read a copy of the sample core.yaml without the Docker endpoint (no Docker here: its health check fails).
mkdir -p peercfg
sed 's#endpoint: unix:///var/run/docker.sock#endpoint: ""#' "$cfg/core.yaml" >peercfg/core.yaml

# 1. crypto, 2. genesis block
"$bin/cryptogen" generate --config=crypto-config.yaml --output=crypto-config >/dev/null
FABRIC_CFG_PATH="$work" "$bin/configtxgen" -profile Walkthrough -channelID mychannel \
    -outputBlock mychannel.block 2>configtxgen.log

# 3. nodes
for i in 0 1 2; do
    n=orderer$i.example.com
    tls="$work/$ocrypto/orderers/$n/tls"
    mkdir -p "nodes/$n"
    env FABRIC_CFG_PATH="$cfg" ORDERER_GENERAL_LISTENADDRESS=$host ORDERER_GENERAL_LISTENPORT="$(o_port $i)" \
        ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="$work/$ocrypto/orderers/$n/msp" \
        ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY="$tls/server.key" \
        ORDERER_GENERAL_TLS_CERTIFICATE="$tls/server.crt" ORDERER_GENERAL_TLS_ROOTCAS="[$tls/ca.crt]" \
        ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$tls/server.crt" \
        ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$tls/server.key" ORDERER_GENERAL_CLUSTER_ROOTCAS="[$tls/ca.crt]" \
        ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true \
        ORDERER_ADMIN_LISTENADDRESS="$host:$(o_admin $i)" ORDERER_ADMIN_TLS_ENABLED=true \
        ORDERER_ADMIN_TLS_PRIVATEKEY="$tls/server.key" ORDERER_ADMIN_TLS_CERTIFICATE="$tls/server.crt" \
        ORDERER_ADMIN_TLS_ROOTCAS="[$tls/ca.crt]" ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
        ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$tls/ca.crt]" ORDERER_OPERATIONS_LISTENADDRESS="$host:$(o_ops $i)" \
        ORDERER_METRICS_PROVIDER=disabled ORDERER_FILELEDGER_LOCATION="$work/nodes/$n/ledger" \
        ORDERER_CONSENSUS_WALDIR="$work/nodes/$n/wal" ORDERER_CONSENSUS_SNAPDIR="$work/nodes/$n/snap" \
        "$bin/orderer" >"nodes/$n/node.log" 2>&1 &
    echo $! >>pids
done
for o in 1 2; do
    n=peer0.org$o.example.com
    org="$work/crypto-config/peerOrganizations/org$o.example.com"
    mkdir -p "nodes/$n"
    env FABRIC_CFG_PATH="$work/peercfg" CORE_PEER_ID=$n CORE_PEER_ADDRESS="$host:$(p_port $o)" \
        CORE_PEER_LISTENADDRESS="$host:$(p_port $o)" CORE_PEER_CHAINCODEADDRESS="$host:$(p_cc $o)" \
        CORE_PEER_CHAINCODELISTENADDRESS="$host:$(p_cc $o)" CORE_PEER_GOSSIP_BOOTSTRAP="$host:$(p_port $o)" \
        CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$(p_port $o)" CORE_PEER_LOCALMSPID=Org${o}MSP \
        CORE_PEER_MSPCONFIGPATH="$org/peers/$n/msp" CORE_PEER_TLS_ENABLED=true \
        CORE_PEER_TLS_CERT_FILE="$org/peers/$n/tls/server.crt" CORE_PEER_TLS_KEY_FILE="$org/peers/$n/tls/server.key" \
        CORE_PEER_TLS_ROOTCERT_FILE="$org/peers/$n/tls/ca.crt" CORE_PEER_FILESYSTEMPATH="$work/nodes/$n/data" \
        CORE_LEDGER_SNAPSHOTS_ROOTDIR="$work/nodes/$n/snapshots" CORE_OPERATIONS_LISTENADDRESS="$host:$(p_ops $o)" \
        CORE_METRICS_PROVIDER=disabled CORE_VM_ENDPOINT= CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
        "$bin/peer" node start >"nodes/$n/node.log" 2>&1 &
    echo $! >>pids
done
for port in $(o_ops 0) $(o_ops 1) $(o_ops 2) $(p_ops 1) $(p_ops 2); do
    until curl -sf "http://$host:$port/healthz" >/dev/null; do sleep 0.2; done
done

# 4. osnadmin channel join x3
admin="$work/$ocrypto/users/Admin@example.com/tls"
for i in 0 1 2; do
    "$bin/osnadmin" channel join --channelID mychannel --config-block mychannel.block \
        -o "$host:$(o_admin $i)" --ca-file "$work/$ocrypto/orderers/orderer$i.example.com/tls/ca.crt" \
        --client-cert "$admin/client.crt" --client-key "$admin/client.key" >/dev/null
done

# 5. peer channel join x2 (the peer CLI retries nothing: a peer refuses until an orderer delivers, so retry)
for o in 1 2; do
    org="$work/crypto-config/peerOrganizations/org$o.example.com"
    for attempt in $(seq 1 50); do
        if FABRIC_CFG_PATH="$cfg" CORE_PEER_LOCALMSPID=Org${o}MSP CORE_PEER_TLS_ENABLED=true \
            CORE_PEER_MSPCONFIGPATH="$org/users/Admin@org$o.example.com/msp" \
            CORE_PEER_TLS_ROOTCERT_FILE="$org/peers/peer0.org$o.example.com/tls/ca.crt" \
            CORE_PEER_ADDRESS="$host:$(p_port $o)" "$bin/peer" channel join -b mychannel.block >>join.log 2>&1; then
            break
        fi
        sleep 0.2
    done
done
for o in 1 2; do
    org="$work/crypto-config/peerOrganizations/org$o.example.com"
    FABRIC_CFG_PATH="$cfg" CORE_PEER_LOCALMSPID=Org${o}MSP CORE_PEER_TLS_ENABLED=true \
        CORE_PEER_MSPCONFIGPATH="$org/users/Admin@org$o.example.com/msp" \
        CORE_PEER_TLS_ROOTCERT_FILE="$org/peers/peer0.org$o.example.com/tls/ca.crt" \
        CORE_PEER_ADDRESS="$host:$(p_port $o)" "$bin/peer" channel list 2>/dev/null | grep -qx mychannel
done
echo READY
