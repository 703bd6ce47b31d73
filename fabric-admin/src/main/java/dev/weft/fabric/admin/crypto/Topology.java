package dev.weft.fabric.admin.crypto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organisations and nodes to create crypto material for: what {@code crypto-config.yaml} is to {@code cryptogen}.
 *
 * <p>Every org gets a signing CA ({@code ca.<domain>}), a TLS CA ({@code tlsca.<domain>}) and an admin
 * {@code Admin@<domain>}; peer orgs also get their users ({@code User1@<domain>} …). Node names are full host names;
 * they are the certificate common names and the first TLS SAN, followed by the extra SANs given.
 *
 * <pre>{@code
 * Topology topology = new Topology(
 *         List.of(new Topology.OrdererOrg("OrdererOrg", "example.com", "OrdererMSP", List.of(
 *                 Topology.Node.of("orderer0.example.com", "localhost", "127.0.0.1")))),
 *         List.of(new Topology.PeerOrg("Org1", "org1.example.com", "Org1MSP",
 *                 List.of(Topology.Node.of("peer0.org1.example.com", "localhost", "127.0.0.1")),
 *                 List.of("User1"))));
 * }</pre>
 *
 * @param ordererOrgs organisations that run orderers
 * @param peerOrgs organisations that run peers
 */
public record Topology(List<OrdererOrg> ordererOrgs, List<PeerOrg> peerOrgs) {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Topology {
        ordererOrgs = List.copyOf(Objects.requireNonNull(ordererOrgs, "ordererOrgs"));
        peerOrgs = List.copyOf(Objects.requireNonNull(peerOrgs, "peerOrgs"));
        Set<String> names = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> mspIds = new HashSet<>();
        List<Org> all = new ArrayList<>(ordererOrgs);
        all.addAll(peerOrgs);
        for (Org org : all) {
            requireUnique(names, org.name(), "org name");
            requireUnique(domains, org.domain(), "domain");
            requireUnique(mspIds, org.mspId(), "MSP id");
        }
    }

    /** The walkthrough's network: 3 orderers of {@code example.com}, Org1 and Org2 with one peer, an admin, User1. */
    public static Topology walkthrough() {
        return sample(2, 3, 1);
    }

    /**
     * A generated network: one orderer org {@code example.com} with {@code orderers} orderers and {@code peerOrgs}
     * orgs {@code org<i>.example.com} with {@code peersPerOrg} peers and one user each; every node has the extra
     * SANs {@code localhost} and {@code 127.0.0.1}.
     */
    public static Topology sample(int peerOrgs, int orderers, int peersPerOrg) {
        List<Node> ordererNodes = new ArrayList<>();
        for (int i = 0; i < orderers; i++) {
            ordererNodes.add(Node.of("orderer" + i + ".example.com", "localhost", "127.0.0.1"));
        }
        List<PeerOrg> orgs = new ArrayList<>();
        for (int o = 1; o <= peerOrgs; o++) {
            String domain = "org" + o + ".example.com";
            List<Node> peers = new ArrayList<>();
            for (int p = 0; p < peersPerOrg; p++) {
                peers.add(Node.of("peer" + p + "." + domain, "localhost", "127.0.0.1"));
            }
            orgs.add(new PeerOrg("Org" + o, domain, "Org" + o + "MSP", peers, List.of("User1")));
        }
        return new Topology(List.of(new OrdererOrg("OrdererOrg", "example.com", "OrdererMSP", ordererNodes)), orgs);
    }

    /** Orderer orgs first, then peer orgs. */
    public List<Org> orgs() {
        List<Org> all = new ArrayList<>(ordererOrgs);
        all.addAll(peerOrgs);
        return all;
    }

    private static void requireUnique(Set<String> seen, String value, String what) {
        if (!seen.add(value)) {
            throw new InvalidTopologyException("duplicate " + what + " '" + value + "'");
        }
    }

    /** What orderer and peer orgs have in common. */
    public sealed interface Org permits OrdererOrg, PeerOrg {
        /** The org's name in channel configuration, e.g. {@code Org1}. */
        String name();

        /** The DNS domain, e.g. {@code org1.example.com}; also the folder name and the CA subject's O. */
        String domain();

        /** The MSP id, e.g. {@code Org1MSP}. */
        String mspId();

        /** Orderers or peers. */
        List<Node> nodes();

        /** User names besides {@code Admin}, e.g. {@code User1}; they become {@code User1@<domain>}. */
        List<String> users();
    }

    /**
     * An org running orderers. It gets an {@code Admin@<domain>} but no other users.
     *
     * @param name org name in channel configuration
     * @param domain DNS domain
     * @param mspId MSP id
     * @param orderers the orderer nodes, at least one
     */
    public record OrdererOrg(String name, String domain, String mspId, List<Node> orderers) implements Org {
        public OrdererOrg {
            validateOrg(name, domain, mspId);
            orderers = validateNodes(name, orderers);
        }

        @Override
        public List<Node> nodes() {
            return orderers;
        }

        @Override
        public List<String> users() {
            return List.of();
        }
    }

    /**
     * An org running peers, with an {@code Admin@<domain>} and the given users.
     *
     * @param name org name in channel configuration
     * @param domain DNS domain
     * @param mspId MSP id
     * @param peers the peer nodes, at least one
     * @param users user names besides {@code Admin}, e.g. {@code User1}
     */
    public record PeerOrg(String name, String domain, String mspId, List<Node> peers, List<String> users)
            implements Org {
        public PeerOrg {
            validateOrg(name, domain, mspId);
            peers = validateNodes(name, peers);
            users = List.copyOf(Objects.requireNonNull(users, "users"));
            Set<String> seen = new HashSet<>();
            for (String user : users) {
                if (user == null || !NAME.matcher(user).matches() || user.contains("@")) {
                    throw new InvalidTopologyException("org " + name + ": invalid user name '" + user + "'");
                }
                if (user.equals("Admin") || !seen.add(user)) {
                    throw new InvalidTopologyException("org " + name + ": duplicate user name '" + user + "'");
                }
            }
        }

        @Override
        public List<Node> nodes() {
            return peers;
        }
    }

    /**
     * A peer or orderer.
     *
     * @param name the full host name, e.g. {@code peer0.org1.example.com}; the certificate CN and first TLS SAN
     * @param sans further TLS subject alternative names: Kubernetes service names, {@code localhost},
     *     {@code 127.0.0.1}; IP literals become IP SANs, everything else DNS SANs
     */
    public record Node(String name, List<String> sans) {
        public Node {
            if (name == null || !HOST.matcher(name).matches()) {
                throw new InvalidTopologyException("invalid node host name '" + name + "'");
            }
            sans = List.copyOf(Objects.requireNonNull(sans, "sans"));
            for (String san : sans) {
                if (san == null || san.isBlank() || san.chars().anyMatch(Character::isWhitespace)) {
                    throw new InvalidTopologyException("node " + name + ": invalid SAN '" + san + "'");
                }
            }
        }

        /** A node with extra SANs. */
        public static Node of(String name, String... sans) {
            return new Node(name, List.of(sans));
        }

        /** The TLS SANs in certificate order: the name, then the extra SANs, without duplicates. */
        public List<String> tlsSans() {
            Set<String> all = new LinkedHashSet<>();
            all.add(name);
            all.addAll(sans);
            return List.copyOf(all);
        }
    }

    private static void validateOrg(String name, String domain, String mspId) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTopologyException("invalid org name '" + name + "'");
        }
        if (domain == null || !HOST.matcher(domain).matches()) {
            throw new InvalidTopologyException("org " + name + ": invalid domain '" + domain + "'");
        }
        if (mspId == null || !NAME.matcher(mspId).matches()) {
            throw new InvalidTopologyException("org " + name + ": invalid MSP id '" + mspId + "'");
        }
    }

    private static List<Node> validateNodes(String org, List<Node> nodes) {
        List<Node> copy = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (copy.isEmpty()) {
            throw new InvalidTopologyException("org " + org + " has no nodes");
        }
        Set<String> seen = new HashSet<>();
        for (Node node : copy) {
            if (!seen.add(node.name())) {
                throw new InvalidTopologyException("org " + org + ": duplicate node '" + node.name() + "'");
            }
        }
        return copy;
    }
}
