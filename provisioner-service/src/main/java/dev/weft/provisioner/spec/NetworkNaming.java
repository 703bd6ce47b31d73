package dev.weft.provisioner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The one place for every node name, Kubernetes object name, host name and local port of a network, so that the
 * crypto (TLS SANs), the Kubernetes model, the local runtime and the workflow agree.
 *
 * <pre>{@code
 * NetworkNaming naming = NetworkNaming.of(NetworkSpec.defaults("demo"));
 * FabricNode peer = naming.peers().get(0);            // org1-peer0
 * naming.serviceFqdn(peer);                           // "org1-peer0.demo.svc.cluster.local"
 * naming.kubernetesEndpoint(peer, FabricPorts.PEER);  // "org1-peer0.demo.svc.cluster.local:7051"
 * naming.localPorts(peer);                            // LocalPorts[listen=7100, ..., chaincode=7101, operations=7102]
 * }</pre>
 *
 * <p>Names: orderers {@code <ordererOrg>0..N-1} ({@code orderer0}), peers {@code <org>-peer<i>}
 * ({@code org1-peer0}), CAs {@code <org>-ca} ({@code org1-ca}). On Kubernetes each node's Service, StatefulSet or
 * Deployment carries the node name.
 */
public final class NetworkNaming {

    /** Name of the ConfigMap holding Weft's {@code external} builder scripts. */
    public static final String EXTERNAL_BUILDER_CONFIG_MAP = "weft-external-builder";

    private final NetworkSpec spec;

    private NetworkNaming(NetworkSpec spec) {
        this.spec = spec.withDefaults();
    }

    /** Naming for a spec; defaults are applied first. */
    public static NetworkNaming of(NetworkSpec spec) {
        return new NetworkNaming(spec);
    }

    /** The spec, defaults applied. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The orderers in order. */
    public List<FabricNode> orderers() {
        OrdererOrgSpec org = spec.ordererOrg();
        return IntStream.range(0, org.orderers())
                .mapToObj(i -> new FabricNode(FabricNode.Kind.ORDERER, org.name(), org.mspId(), i, org.name() + i))
                .toList();
    }

    /** Every peer, org by org. */
    public List<FabricNode> peers() {
        return spec.peerOrgs().stream().flatMap(o -> peers(o).stream()).toList();
    }

    /** The peers of one org. */
    public List<FabricNode> peers(PeerOrgSpec org) {
        return IntStream.range(0, org.peers())
                .mapToObj(
                        i -> new FabricNode(FabricNode.Kind.PEER, org.name(), org.mspId(), i, org.name() + "-peer" + i))
                .toList();
    }

    /** The CAs, the orderer org's first if it has one. */
    public List<FabricNode> cas() {
        List<FabricNode> cas = new ArrayList<>();
        OrdererOrgSpec ord = spec.ordererOrg();
        if (ord.ca()) {
            cas.add(ca(ord.name(), ord.mspId()));
        }
        spec.peerOrgs().stream().filter(PeerOrgSpec::ca).forEach(o -> cas.add(ca(o.name(), o.mspId())));
        return List.copyOf(cas);
    }

    private static FabricNode ca(String org, String mspId) {
        return new FabricNode(FabricNode.Kind.CA, org, mspId, 0, org + "-ca");
    }

    /** Orderers, then peers, then CAs. */
    public List<FabricNode> nodes() {
        return Stream.of(orderers(), peers(), cas()).flatMap(List::stream).toList();
    }

    /** The Kubernetes namespace. */
    public String namespace() {
        return spec.namespace();
    }

    /** {@code <node>.<namespace>.svc.cluster.local}. */
    public String serviceFqdn(FabricNode node) {
        return node.name() + "." + spec.namespace() + ".svc.cluster.local";
    }

    /** {@code <node fqdn>:<port>}: how anything in the cluster reaches a node's port. */
    public String kubernetesEndpoint(FabricNode node, int port) {
        return serviceFqdn(node) + ":" + port;
    }

    /**
     * Every name a node is reached by, for its TLS certificate's SANs: the short name, the namespace-qualified forms,
     * the cluster FQDN, and for the local runtime {@code localhost} and the local host address.
     */
    public List<String> hostNames(FabricNode node) {
        String ns = spec.namespace();
        return Stream.of(
                        node.name(),
                        node.name() + "." + ns,
                        node.name() + "." + ns + ".svc",
                        serviceFqdn(node),
                        "localhost",
                        spec.local().host())
                .distinct()
                .toList();
    }

    /** Secret holding a node's MSP folder. */
    public String mspSecretName(FabricNode node) {
        return node.name() + "-msp";
    }

    /** Secret holding a node's TLS folder (or, for a CA, its CA certificate and key). */
    public String tlsSecretName(FabricNode node) {
        return node.name() + "-tls";
    }

    /** Secret holding a CA's signing certificate, key and bootstrap admin credentials. */
    public String caSecretName(FabricNode ca) {
        return ca.name() + "-crypto";
    }

    /** PersistentVolumeClaim of a CA's database. */
    public String caDataClaimName(FabricNode ca) {
        return ca.name() + "-data";
    }

    /** Secret with a peer's CouchDB admin credentials. */
    public String couchDbSecretName(FabricNode peer) {
        return peer.name() + "-couchdb";
    }

    /** First port of an org's local block. */
    public int localPortBase(String orgName) {
        OrdererOrgSpec ord = spec.ordererOrg();
        if (ord.name().equals(orgName)) {
            return ord.localPortBase() != null
                    ? ord.localPortBase()
                    : spec.local().portBase();
        }
        List<PeerOrgSpec> orgs = spec.peerOrgs();
        for (int i = 0; i < orgs.size(); i++) {
            PeerOrgSpec org = orgs.get(i);
            if (org.name() != null && org.name().equals(orgName)) {
                return org.localPortBase() != null
                        ? org.localPortBase()
                        : spec.local().portBase() + FabricPorts.LOCAL_BLOCK_SIZE * (i + 1);
            }
        }
        throw new IllegalArgumentException("unknown org " + orgName);
    }

    /** A node's ports in the local runtime. */
    public LocalPorts localPorts(FabricNode node) {
        int base = localPortBase(node.org());
        return switch (node.kind()) {
            case ORDERER -> {
                int b = base + 10 * node.index();
                yield new LocalPorts(b, b + 1, b + 2, 0, b + 3);
            }
            case PEER -> {
                int b = base + 10 * node.index();
                yield new LocalPorts(b, 0, 0, b + 1, b + 2);
            }
            case CA -> new LocalPorts(base + 90, 0, 0, 0, base + 91);
        };
    }

    /** {@code <local host>:<port>}. */
    public String localEndpoint(int port) {
        return spec.local().host() + ":" + port;
    }
}
