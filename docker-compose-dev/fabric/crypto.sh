#!/bin/sh
# Crypto material and the genesis block of mychannel, once: a second `docker compose up` finds them in the volume.
set -eu
if [ -f /crypto/.done ]; then
  echo "crypto material already in /crypto"
  exit 0
fi
cryptogen generate --config=/fabric/crypto-config.yaml --output=/crypto
FABRIC_CFG_PATH=/fabric configtxgen -profile ChannelUsingRaft -channelID mychannel -outputBlock /crypto/mychannel.block
# The services run as other users than this container: let them read the material.
chmod -R a+rX /crypto
touch /crypto/.done
echo "crypto material and genesis block written to /crypto"
