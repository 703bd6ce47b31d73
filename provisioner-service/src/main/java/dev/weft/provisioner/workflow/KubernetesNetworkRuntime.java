package dev.weft.provisioner.workflow;

import dev.weft.provisioner.kubernetes.apply.KubernetesRuntime;
import dev.weft.provisioner.kubernetes.apply.NodesNotReadyException;
import dev.weft.provisioner.kubernetes.model.NetworkMaterial;
import dev.weft.provisioner.kubernetes.model.NetworkModel;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.FabricPorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The Kubernetes runtime behind {@link NetworkRuntime}: builds the network's model from the plan's crypto material
 * and hands it to {@link KubernetesRuntime} (server-side apply, readiness, delete). Nodes are addressed by their
 * Service names, so the provisioner must run in the cluster (or reach its DNS) for the admin steps.
 *
 * <p>The CA registrar and CouchDB passwords are generated once per network and kept in
 * {@code <network folder>/passwords.properties} (owner-readable only), so a re-run does not rewrite the Secrets.
 */
public final class KubernetesNetworkRuntime implements NetworkRuntime {

    private final KubernetesRuntime kubernetes;

    public KubernetesNetworkRuntime(KubernetesRuntime kubernetes) {
        this.kubernetes = kubernetes;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public boolean isApplied(NetworkPlan plan) {
        return kubernetes.isApplied(model(plan));
    }

    @Override
    public void apply(NetworkPlan plan) {
        kubernetes.apply(model(plan));
    }

    @Override
    public boolean isReady(NetworkPlan plan) {
        return kubernetes.isReady(model(plan));
    }

    @Override
    public void awaitReady(NetworkPlan plan, Duration timeout) {
        try {
            kubernetes.awaitReady(model(plan), timeout);
        } catch (NodesNotReadyException e) {
            throw new RuntimeStepException(
                    e.getMessage(), "kubectl -n " + plan.naming().namespace() + " describe " + e.notReady(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeStepException("interrupted while waiting for the nodes", null, e);
        }
    }

    @Override
    public NodeAddress clientAddress(NetworkPlan plan, FabricNode node) {
        return address(
                plan, node, node.kind() == FabricNode.Kind.ORDERER ? FabricPorts.ORDERER_CLIENT : FabricPorts.PEER);
    }

    @Override
    public NodeAddress clusterAddress(NetworkPlan plan, FabricNode orderer) {
        return address(plan, orderer, FabricPorts.ORDERER_CLUSTER);
    }

    @Override
    public NodeAddress adminAddress(NetworkPlan plan, FabricNode orderer) {
        return address(plan, orderer, FabricPorts.ORDERER_ADMIN);
    }

    @Override
    public Optional<NodeAddress> caAddress(NetworkPlan plan, FabricNode ca) {
        return Optional.of(address(plan, ca, FabricPorts.CA));
    }

    /** The admin MSP stays with the provisioner: no Secret holds it, since no workload needs it. */
    @Override
    public String adminIdentity(NetworkPlan plan, String mspId) {
        return "file:" + plan.adminMsp(mspId);
    }

    @Override
    public void delete(NetworkPlan plan, boolean purge) {
        kubernetes.delete(plan.naming().namespace(), plan.name(), purge);
    }

    private static NodeAddress address(NetworkPlan plan, FabricNode node, int port) {
        return new NodeAddress(plan.naming().serviceFqdn(node), port);
    }

    private static NetworkModel model(NetworkPlan plan) {
        Properties passwords = passwords(plan.folder().root().resolve("passwords.properties"));
        NetworkMaterial material = NetworkMaterial.of(
                plan::node, mspId -> plan.org(mspId).ca(), node -> passwords.getProperty(node.name()));
        plan.naming().cas().forEach(ca -> passwords.putIfAbsent(ca.name(), random()));
        plan.naming().peers().forEach(peer -> passwords.putIfAbsent(peer.name(), random()));
        save(plan.folder().root().resolve("passwords.properties"), passwords);
        return NetworkModel.from(plan.spec(), material);
    }

    private static Properties passwords(Path file) {
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return props;
    }

    private static void save(Path file, Properties props) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "generated passwords of the network's CAs and CouchDB sidecars");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
