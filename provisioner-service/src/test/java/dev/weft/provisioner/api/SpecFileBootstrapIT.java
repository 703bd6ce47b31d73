package dev.weft.provisioner.api;

import static dev.weft.testing.security.TestCredentials.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.provisioner.workflow.NetworkWorkflow;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service started with {@code weft.provisioner.bootstrap.spec-file}, as the Helm chart starts it: the network in
 * the file is provisioned with no call to the API.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@TestProfile(SpecFileBootstrapIT.WithSpecFile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class SpecFileBootstrapIT {

    /** The fakes of {@link FakeFabricProfile}, plus a YAML spec file written before the service starts. */
    public static class WithSpecFile extends FakeFabricProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            try {
                Path file = Files.createTempFile("network", ".yaml");
                Files.writeString(file, "name: boot-net\nlocal:\n  portBase: 23000\n");
                config.put("weft.provisioner.bootstrap.spec-file", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return config;
        }
    }

    @Test
    void the_network_in_the_spec_file_is_provisioned_without_a_call_to_the_api() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/v1/networks/boot-net")
                        .then()
                        .statusCode(200)
                        .body("phase", equalTo("READY"))
                        .body("conditions", hasSize(NetworkWorkflow.STEPS.size()))
                        .body("conditions.status", everyItem(equalTo("SUCCEEDED"))));
    }
}
