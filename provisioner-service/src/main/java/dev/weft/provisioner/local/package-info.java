/**
 * The local-process runtime: every orderer, peer and (when {@code fabric-ca-server} is there) CA of a network as a
 * process on the local host, started from {@code FABRIC_BIN}, with its data, config and log in
 * {@code <work dir>/<network>/nodes/<node>/} and its PID in {@code node.pid}, so that a restarted service adopts the
 * processes it started before and stop kills exactly those.
 */
package dev.weft.provisioner.local;
