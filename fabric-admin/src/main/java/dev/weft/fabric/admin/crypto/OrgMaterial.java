package dev.weft.fabric.admin.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One org's crypto material: its signing CA, TLS CA, nodes and users (the admin first).
 *
 * <pre>{@code
 * OrgMaterial org1 = crypto.org("Org1");
 * X509Certificate root = org1.ca().certificate();
 * Map<String, byte[]> orgMsp = org1.mspFiles();   // for channel configuration or a Secret
 * }</pre>
 *
 * @param spec the org as the topology describes it
 * @param ca the signing CA {@code ca.<domain>}
 * @param tlsCa the TLS CA {@code tlsca.<domain>}
 * @param nodes orderers or peers, in topology order
 * @param users {@code Admin@<domain>} first, then the topology's users
 */
public record OrgMaterial(
        Topology.Org spec,
        CertificateAuthority ca,
        CertificateAuthority tlsCa,
        List<NodeMaterial> nodes,
        List<NodeMaterial> users) {

    public OrgMaterial {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(tlsCa, "tlsCa");
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
    }

    /** The org name, e.g. {@code Org1}. */
    public String name() {
        return spec.name();
    }

    /** The MSP id, e.g. {@code Org1MSP}. */
    public String mspId() {
        return spec.mspId();
    }

    /** The domain, e.g. {@code org1.example.com}. */
    public String domain() {
        return spec.domain();
    }

    /** Whether this is an orderer org. */
    public boolean isOrdererOrg() {
        return spec instanceof Topology.OrdererOrg;
    }

    /** The org folder relative to the crypto root: {@code ordererOrganizations/<domain>} or {@code peerOrganizations/<domain>}. */
    public String directory() {
        return CryptoLayout.orgDirectory(spec);
    }

    /** {@code Admin@<domain>}. */
    public NodeMaterial admin() {
        return users.get(0);
    }

    /** A node by host name. */
    public NodeMaterial node(String hostName) {
        return nodes.stream()
                .filter(n -> n.name().equals(hostName))
                .findFirst()
                .orElseThrow(() -> new CryptoException("org " + name() + " has no node '" + hostName + "'"));
    }

    /** A user by short name ({@code Admin}, {@code User1}) or full name ({@code User1@org1.example.com}). */
    public NodeMaterial user(String userName) {
        String full = userName.contains("@") ? userName : userName + "@" + domain();
        return users.stream()
                .filter(u -> u.name().equals(full))
                .findFirst()
                .orElseThrow(() -> new CryptoException("org " + name() + " has no user '" + userName + "'"));
    }

    /** The org's verifying MSP folder {@code msp/}: {@code cacerts}, {@code tlscacerts}, {@code config.yaml}. */
    public Map<String, byte[]> mspFiles() {
        return Collections.unmodifiableMap(
                MspFiles.verifying(ca.name(), ca.certificate(), tlsCa.name(), tlsCa.certificate()));
    }

    /** Every file of the org's folder keyed by path relative to it ({@code ca/priv_sk}, {@code peers/…/tls/server.key}). */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ca/" + ca.certFileName(), ca.certificatePem());
        files.put("ca/" + MspFiles.KEY_FILE, ca.privateKeyPem());
        files.put("tlsca/" + tlsCa.certFileName(), tlsCa.certificatePem());
        files.put("tlsca/" + MspFiles.KEY_FILE, tlsCa.privateKeyPem());
        mspFiles().forEach((path, bytes) -> files.put("msp/" + path, bytes));
        String prefix = directory() + "/";
        for (NodeMaterial member : all()) {
            String relative = member.directory().substring(prefix.length());
            member.files().forEach((path, bytes) -> files.put(relative + "/" + path, bytes));
        }
        return Collections.unmodifiableMap(files);
    }

    private List<NodeMaterial> all() {
        List<NodeMaterial> all = new java.util.ArrayList<>(nodes);
        all.addAll(users);
        return all;
    }

    @Override
    public String toString() {
        return "OrgMaterial[name=" + name() + ", mspId=" + mspId() + ", nodes=" + nodes.size() + ", users="
                + users.size() + "]";
    }
}
