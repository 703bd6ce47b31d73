package dev.weft.provisioner.spec;

/**
 * Ports of one node in the local-process runtime, where every node shares one host. Unused ports are 0.
 *
 * @param listen orderer client, peer or CA port
 * @param cluster orderer Raft cluster port
 * @param admin orderer admin (osnadmin) port
 * @param chaincode peer chaincode listener port
 * @param operations operations endpoint port
 */
public record LocalPorts(int listen, int cluster, int admin, int chaincode, int operations) {}
