package dev.weft.provisioner.kubernetes.apply;

import static org.junit.jupiter.api.Assumptions.abort;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime against a real API server with server-side apply, when {@code WEFT_TEST_KUBECONFIG} names a kubeconfig.
 * No pods need to run: readiness is written into the status by the test. Each test's namespace is purged after it.
 */
class KubernetesRuntimeRealApiIT extends KubernetesRuntimeContract {

    private static KubernetesClient client;

    @BeforeAll
    static void connect() throws IOException {
        String kubeconfig = System.getenv("WEFT_TEST_KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            String reason = "WEFT_TEST_KUBECONFIG is not set: skipping the Kubernetes runtime tests against a real API"
                    + " server (the mock server tests in KubernetesRuntimeMockIT still run)";
            System.out.println(reason);
            abort(reason);
        }
        Config config = Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void purge() {
        if (client != null) {
            runtime().delete(network, network, true);
        }
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    KubernetesClient client() {
        return client;
    }

    @Override
    ApplyMode mode() {
        return ApplyMode.SERVER_SIDE_APPLY;
    }
}
