package dev.weft.provisioner.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.provisioner.kubernetes.model.FakeMaterial;
import dev.weft.provisioner.kubernetes.model.ModelLabels;
import dev.weft.provisioner.kubernetes.model.NetworkModel;
import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.spec.SpecProblem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The runtime's behaviour against an API server: create, re-apply without change, a spec change, delete, readiness.
 * Subclasses provide the server: the fabric8 mock in CRUD mode, or a real one.
 */
abstract class KubernetesRuntimeContract {

    /** The client of the server under test. */
    abstract KubernetesClient client();

    /** How this server takes writes. */
    abstract ApplyMode mode();

    /** A fresh network per test, so that tests share nothing; the namespace is created by the model. */
    final String network = "it-" + UUID.randomUUID().toString().substring(0, 8);

    KubernetesRuntime runtime() {
        return new KubernetesRuntime(client(), mode(), ReadinessCheck.workloads(), Duration.ofMillis(50));
    }

    NetworkModel model(String extraYaml) throws InvalidSpecException {
        NetworkSpec spec = NetworkSpecs.parseValid("name: " + network + "\n" + extraYaml);
        return NetworkModel.from(spec, new FakeMaterial());
    }

    private List<String> liveNames(NetworkModel model) {
        var selector = ModelLabels.networkSelector(network);
        var ops = runtime().operators();
        return java.util.stream.Stream.of(
                        ops.secrets.list(network, selector),
                        ops.configMaps.list(network, selector),
                        ops.persistentVolumeClaims.list(network, selector),
                        ops.services.list(network, selector),
                        ops.statefulSets.list(network, selector),
                        ops.deployments.list(network, selector))
                .flatMap(List::stream)
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .sorted()
                .toList();
    }

    private static List<String> names(NetworkModel model) {
        return model.resources().stream()
                .filter(o -> !o.getKind().equals("Namespace"))
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .sorted()
                .toList();
    }

    @Test
    void creates_every_object_of_the_walkthrough() throws Exception {
        NetworkModel model = model("");

        ApplyReport report = runtime().apply(model);

        assertThat(report.changes()).extracting(ResourceChange::result).containsOnly(ReconcileResult.CREATED);
        assertThat(report.changes()).hasSize(model.resources().size());
        assertThat(liveNames(model)).containsExactlyElementsOf(names(model));
        assertThat(runtime().operators().namespaces.get(null, network)).isNotNull();
        StatefulSet live = runtime().operators().statefulSets.get(network, "org1-peer0");
        assertThat(live.getSpec().getTemplate().getSpec().getContainers())
                .extracting(c -> c.getName())
                .containsExactly("peer", "couchdb");
    }

    @Test
    void re_applying_the_same_model_changes_nothing() throws Exception {
        NetworkModel model = model("");
        assertThat(runtime().isApplied(model)).isFalse();
        runtime().apply(model);
        assertThat(runtime().isApplied(model)).isTrue();
        assertThat(runtime().isApplied(model("peerOrgs: [{name: org1, peers: 2}, {name: org2}]\n")))
                .isFalse();

        ApplyReport again = runtime().apply(model);

        assertThat(again.changedAnything()).as(again.toString()).isFalse();
        assertThat(again.changes()).extracting(ResourceChange::result).containsOnly(ReconcileResult.UNCHANGED);
    }

    // A second peer in org1 adds exactly its objects; taking it out again removes them, but keeps nothing else.
    @Test
    void a_second_peer_is_added_and_removed() throws Exception {
        runtime().apply(model(""));
        String twoPeers = "peerOrgs: [{name: org1, peers: 2}, {name: org2}]\n";

        ApplyReport grown = runtime().apply(model(twoPeers));

        assertThat(grown.with(ReconcileResult.CREATED))
                .extracting(ResourceChange::toString)
                .containsExactlyInAnyOrder(
                        "Secret/org1-peer1-msp CREATED",
                        "Secret/org1-peer1-tls CREATED",
                        "Secret/org1-peer1-couchdb CREATED",
                        "Service/org1-peer1 CREATED",
                        "StatefulSet/org1-peer1 CREATED");
        // org1-peer0 now bootstraps gossip from org1-peer1: the only existing object that changes.
        assertThat(grown.with(ReconcileResult.UPDATED))
                .extracting(ResourceChange::toString)
                .containsExactly("StatefulSet/org1-peer0 UPDATED");
        assertThat(grown.with(ReconcileResult.DELETED)).isEmpty();

        assertThat(runtime().isApplied(model(""))).as("org1-peer1 is left over").isFalse();
        ApplyReport shrunk = runtime().apply(model(""));

        assertThat(shrunk.with(ReconcileResult.DELETED))
                .extracting(ResourceChange::toString)
                .containsExactlyInAnyOrder(
                        "StatefulSet/org1-peer1 DELETED",
                        "Service/org1-peer1 DELETED",
                        "Secret/org1-peer1-msp DELETED",
                        "Secret/org1-peer1-tls DELETED",
                        "Secret/org1-peer1-couchdb DELETED");
        assertThat(liveNames(model(""))).containsExactlyElementsOf(names(model("")));
    }

    @Test
    void delete_keeps_claims_and_namespace_unless_purged() throws Exception {
        NetworkModel model = model("");
        runtime().apply(model);

        ApplyReport deleted = runtime().delete(network, network, false);

        assertThat(deleted.changes()).extracting(ResourceChange::result).containsOnly(ReconcileResult.DELETED);
        assertThat(liveNames(model))
                .containsExactly("PersistentVolumeClaim/org1-ca-data", "PersistentVolumeClaim/org2-ca-data");
        assertThat(runtime().operators().namespaces.get(null, network)).isNotNull();

        ApplyReport purged = runtime().delete(network, network, true);

        assertThat(purged.changes())
                .extracting(ResourceChange::toString)
                .containsExactlyInAnyOrder(
                        "PersistentVolumeClaim/org1-ca-data DELETED",
                        "PersistentVolumeClaim/org2-ca-data DELETED",
                        "Namespace/" + network + " DELETED");
        assertThat(liveNames(model)).isEmpty();
    }

    @Test
    void an_invalid_spec_creates_nothing() {
        NetworkSpec bad =
                new NetworkSpec(network, null, null, null, null, List.of(), null, null, null, null, null, null, null);

        InvalidSpecException e =
                catchThrowableOfType(InvalidSpecException.class, () -> runtime().apply(bad, new FakeMaterial()));

        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("channels");
        assertThat(runtime().operators().namespaces.get(null, network)).isNull();
    }

    // Nothing runs pods here: readiness is what the status says, so the test writes the status a controller would.
    @Test
    void waits_until_every_workload_reports_ready() throws Exception {
        NetworkModel model = model("");
        runtime().apply(model);

        NodesNotReadyException e = catchThrowableOfType(
                NodesNotReadyException.class, () -> runtime().awaitReady(model, Duration.ofMillis(200)));
        assertThat(e.notReady())
                .containsExactly(
                        "StatefulSet/orderer0",
                        "StatefulSet/orderer1",
                        "StatefulSet/orderer2",
                        "StatefulSet/org1-peer0",
                        "StatefulSet/org2-peer0",
                        "Deployment/org1-ca",
                        "Deployment/org2-ca");

        model.statefulSets().forEach(s -> markReady(s));
        assertThat(runtime().notReady(model)).containsExactly("Deployment/org1-ca", "Deployment/org2-ca");
        model.deployments().forEach(d -> markReady(d));

        runtime().awaitReady(model, Duration.ofSeconds(10));
        assertThat(runtime().isReady(model)).isTrue();
    }

    private void markReady(HasMetadata desired) {
        String name = desired.getMetadata().getName();
        if (desired instanceof StatefulSet) {
            StatefulSet live = client().apps()
                    .statefulSets()
                    .inNamespace(network)
                    .withName(name)
                    .get();
            live.setStatus(new StatefulSetStatusBuilder()
                    .withReplicas(1)
                    .withReadyReplicas(1)
                    .withObservedGeneration(live.getMetadata().getGeneration())
                    .build());
            client().resource(live).inNamespace(network).updateStatus();
        } else {
            var live = client().apps()
                    .deployments()
                    .inNamespace(network)
                    .withName(name)
                    .get();
            live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                    .withReplicas(1)
                    .withReadyReplicas(1)
                    .withObservedGeneration(live.getMetadata().getGeneration())
                    .build());
            client().resource(live).inNamespace(network).updateStatus();
        }
    }
}
