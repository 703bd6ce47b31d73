/**
 * Talking to peers: gRPC channels with TLS ({@link dev.weft.fabric.admin.peer.GrpcConnections}), proposals with
 * deadlines ({@link dev.weft.fabric.admin.peer.Endorser}) and channel membership through {@code cscc}
 * ({@link dev.weft.fabric.admin.peer.PeerAdmin}).
 */
package dev.weft.fabric.admin.peer;
