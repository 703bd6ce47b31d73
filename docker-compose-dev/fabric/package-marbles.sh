#!/bin/sh
# The marbles CCaaS package of one org (argument: 1 or 2), built once and kept: the archive's bytes decide the
# package id, so a rebuilt archive would carry an id that no org approved.
#
# Each org gets its own package because connection.json carries that org's mutual-TLS material: the TLS CA that
# signed its marbles server's certificate (root_cert) and the client certificate and key its peer presents
# (client_cert, client_key). The peer's TLS certificate serves as the client certificate: cryptogen issues it for
# both server and client authentication.
#
# CRYPTO_DIR and FABRIC_DIR default to the compose mounts; tests point them elsewhere.
set -eu
org=$1
C=${CRYPTO_DIR:-/crypto}
F=${FABRIC_DIR:-/fabric}
O=$C/peerOrganizations/org$org.example.com
PACKAGE=marbles-org$org.tgz

# A PEM file as the body of a JSON string: one line, newlines escaped.
pem() { awk '{ printf "%s\\n", $0 }' "$1"; }

mkdir -p "$C/chaincode"
cd "$C/chaincode"
if [ ! -f "$PACKAGE" ]; then
  work=$(mktemp -d)
  cat > "$work/connection.json" <<JSON
{
  "address": "marbles-org$org:9999",
  "dial_timeout": "10s",
  "tls_required": true,
  "client_auth_required": true,
  "root_cert": "$(pem "$O/tlsca/tlsca.org$org.example.com-cert.pem")",
  "client_cert": "$(pem "$O/peers/peer0.org$org.example.com/tls/server.crt")",
  "client_key": "$(pem "$O/peers/peer0.org$org.example.com/tls/server.key")"
}
JSON
  tar -C "$work" -czf "$work/code.tar.gz" connection.json
  tar -czf "$PACKAGE.partial" -C "$F/chaincode" metadata.json -C "$work" code.tar.gz
  rm -rf "$work"
  # Renamed only when complete: an interrupted run leaves no half archive that a re-run would keep.
  mv "$PACKAGE.partial" "$PACKAGE"
fi
# The marbles server of this org reads its CHAINCODE_ID from here; it must equal the installed package id.
peer lifecycle chaincode calculatepackageid "$PACKAGE" > "marbles-org$org.id.partial"
mv "marbles-org$org.id.partial" "marbles-org$org.id"
cat "marbles-org$org.id"
