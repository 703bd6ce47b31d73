/**
 * Crypto material for a Fabric network, as {@code cryptogen} makes it: org CAs and TLS CAs, node and user identities,
 * NodeOUs, TLS certificates with chosen SANs, in memory ({@link dev.weft.fabric.admin.crypto.CryptoGenerator}) and on
 * disk in cryptogen's layout ({@link dev.weft.fabric.admin.crypto.CryptoStore}), never replacing existing keys.
 *
 * <pre>{@code
 * CryptoMaterial crypto = CryptoStore.loadOrGenerate(Path.of("crypto-config"), Topology.walkthrough());
 * }</pre>
 */
package dev.weft.fabric.admin.crypto;
