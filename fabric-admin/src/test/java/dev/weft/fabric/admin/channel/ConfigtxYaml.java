package dev.weft.fabric.admin.channel;

import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the {@code configtx.yaml} that makes configtxgen produce the same channel as a {@link ChannelProfile}, with
 * MSP folders and consenter certificates pointing into a crypto tree written by {@code CryptoStore}.
 */
final class ConfigtxYaml {

    static final String PROFILE = "WeftChannel";

    private ConfigtxYaml() {}

    static String render(ChannelProfile profile, CryptoMaterial crypto, Path cryptoRoot) {
        StringBuilder y = new StringBuilder();
        y.append("Organizations:\n");
        for (OrganizationProfile org : profile.ordererOrgs()) {
            organization(y, org, crypto, cryptoRoot);
        }
        for (OrganizationProfile org : profile.applicationOrgs()) {
            organization(y, org, crypto, cryptoRoot);
        }
        y.append("Profiles:\n  ").append(PROFILE).append(":\n");
        policies(y, "    ", profile.channelPolicies());
        capabilities(y, "    ", profile.channelCapabilities());
        y.append("    Orderer:\n");
        y.append("      OrdererType: etcdraft\n");
        if (!profile.globalOrdererAddresses().isEmpty()) {
            y.append("      Addresses:\n");
            profile.globalOrdererAddresses()
                    .forEach(a -> y.append("        - ").append(a).append('\n'));
        }
        y.append("      EtcdRaft:\n        Consenters:\n");
        for (Consenter c : profile.consenters()) {
            y.append("          - Host: ").append(c.host()).append('\n');
            y.append("            Port: ").append(c.port()).append('\n');
            y.append("            ClientTLSCert: ")
                    .append(tlsCertPath(crypto, cryptoRoot, c))
                    .append('\n');
            y.append("            ServerTLSCert: ")
                    .append(tlsCertPath(crypto, cryptoRoot, c))
                    .append('\n');
        }
        RaftOptions raft = profile.raftOptions();
        y.append("        Options:\n");
        y.append("          TickInterval: ")
                .append(GoDuration.format(raft.tickInterval()))
                .append('\n');
        y.append("          ElectionTick: ").append(raft.electionTick()).append('\n');
        y.append("          HeartbeatTick: ").append(raft.heartbeatTick()).append('\n');
        y.append("          MaxInflightBlocks: ")
                .append(raft.maxInflightBlocks())
                .append('\n');
        y.append("          SnapshotIntervalSize: ")
                .append(raft.snapshotIntervalSize())
                .append('\n');
        BatchSettings batch = profile.batch();
        y.append("      BatchTimeout: ").append(batch.timeoutText()).append('\n');
        y.append("      BatchSize:\n");
        y.append("        MaxMessageCount: ").append(batch.maxMessageCount()).append('\n');
        y.append("        AbsoluteMaxBytes: ").append(batch.absoluteMaxBytes()).append('\n');
        y.append("        PreferredMaxBytes: ")
                .append(batch.preferredMaxBytes())
                .append('\n');
        y.append("      MaxChannels: ").append(profile.maxChannels()).append('\n');
        y.append("      Organizations:\n");
        profile.ordererOrgs()
                .forEach(o -> y.append("        - *").append(o.name()).append('\n'));
        policies(y, "      ", profile.ordererPolicies());
        capabilities(y, "      ", profile.ordererCapabilities());
        y.append("    Application:\n");
        y.append("      Organizations:\n");
        profile.applicationOrgs()
                .forEach(o -> y.append("        - *").append(o.name()).append('\n'));
        policies(y, "      ", profile.applicationPolicies());
        capabilities(y, "      ", profile.applicationCapabilities());
        y.append("      ACLs:\n");
        profile.acls()
                .forEach((k, v) ->
                        y.append("        ").append(k).append(": ").append(v).append('\n'));
        return y.toString();
    }

    private static void organization(StringBuilder y, OrganizationProfile org, CryptoMaterial crypto, Path root) {
        OrgMaterial material = crypto.org(org.mspId());
        y.append("  - &").append(org.name()).append('\n');
        y.append("    Name: ").append(org.name()).append('\n');
        y.append("    ID: ").append(org.mspId()).append('\n');
        y.append("    MSPDir: ")
                .append(root.resolve(material.directory()).resolve("msp"))
                .append('\n');
        policies(y, "    ", org.policies());
        if (!org.ordererEndpoints().isEmpty()) {
            y.append("    OrdererEndpoints:\n");
            org.ordererEndpoints().forEach(e -> y.append("      - ").append(e).append('\n'));
        }
        if (!org.anchorPeers().isEmpty()) {
            y.append("    AnchorPeers:\n");
            org.anchorPeers()
                    .forEach(p -> y.append("      - Host: ")
                            .append(p.host())
                            .append("\n        Port: ")
                            .append(p.port())
                            .append('\n'));
        }
    }

    private static void policies(StringBuilder y, String indent, Map<String, ChannelPolicy> policies) {
        y.append(indent).append("Policies:\n");
        policies.forEach((name, policy) -> {
            y.append(indent).append("  ").append(name).append(":\n");
            if (policy instanceof ChannelPolicy.ImplicitMeta meta) {
                y.append(indent).append("    Type: ImplicitMeta\n");
                y.append(indent)
                        .append("    Rule: \"")
                        .append(meta.rule())
                        .append(' ')
                        .append(meta.subPolicy())
                        .append("\"\n");
            } else if (policy instanceof ChannelPolicy.Signature signature) {
                y.append(indent).append("    Type: Signature\n");
                y.append(indent).append("    Rule: \"").append(signature.rule()).append("\"\n");
            }
        });
    }

    private static void capabilities(StringBuilder y, String indent, java.util.Set<String> capabilities) {
        y.append(indent).append("Capabilities:\n");
        capabilities.forEach(c -> y.append(indent).append("  ").append(c).append(": true\n"));
    }

    private static Path tlsCertPath(CryptoMaterial crypto, Path root, Consenter consenter) {
        for (OrgMaterial org : crypto.ordererOrgs()) {
            for (NodeMaterial node : org.nodes()) {
                if (node.tlsCertificate().equals(consenter.serverTlsCertificate())) {
                    return root.resolve(node.directory()).resolve("tls/server.crt");
                }
            }
        }
        throw new IllegalArgumentException("no orderer in the crypto material has the certificate of " + consenter);
    }
}
