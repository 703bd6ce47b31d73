package dev.weft.provisioner.spec;

/** Container ports of every Fabric node on Kubernetes, where each node has its own IP address. */
public final class FabricPorts {

    /** Orderer client endpoint (broadcast/deliver). */
    public static final int ORDERER_CLIENT = 7050;

    /** Orderer Raft cluster endpoint; a separate listener so cluster traffic is always TLS. */
    public static final int ORDERER_CLUSTER = 7055;

    /** Orderer channel participation (osnadmin) endpoint, always mutual TLS. */
    public static final int ORDERER_ADMIN = 7053;

    /** Peer endpoint (endorser, gateway, deliver, gossip). */
    public static final int PEER = 7051;

    /** Peer chaincode listener, for chaincode that dials the peer. */
    public static final int PEER_CHAINCODE = 7052;

    /** Fabric CA server. */
    public static final int CA = 7054;

    /** Operations endpoint of every node ({@code /healthz}, {@code /metrics}). */
    public static final int OPERATIONS = 9443;

    /** CouchDB sidecar, reached by its peer on localhost. */
    public static final int COUCHDB = 5984;

    /** Ports in one org's local block: node {@code i} uses {@code base + 10i + 0..3}, a CA {@code base + 90..91}. */
    public static final int LOCAL_BLOCK_SIZE = 100;

    private FabricPorts() {}
}
