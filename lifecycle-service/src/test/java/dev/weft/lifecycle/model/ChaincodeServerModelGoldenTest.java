package dev.weft.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: {@code src/test/resources/golden/<scenario>/in-ChaincodeSpec.yaml} gives the spec (plus the
 * organization, namespace and package id in {@code in-Server.yaml}); every object the model generates must equal
 * {@code out-<Kind>-<name>.yaml}. Run with {@code -Dgolden.update=true} to rewrite the expected files after an
 * intended change, then review the diff.
 */
class ChaincodeServerModelGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final ServerTls TLS = new ServerTls(
            "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----\n",
            "-----BEGIN PRIVATE KEY-----\nSERVER-KEY\n-----END PRIVATE KEY-----\n",
            "-----BEGIN CERTIFICATE-----\nPEER-CLIENT\n-----END CERTIFICATE-----\n",
            "-----BEGIN PRIVATE KEY-----\nPEER-CLIENT-KEY\n-----END PRIVATE KEY-----\n");

    record Server(String mspId, String namespace, String packageId) {}

    @ParameterizedTest
    @ValueSource(strings = {"mtls-with-resources", "plaintext-two-replicas"})
    void generated_objects_match_the_golden_files(String scenario) throws IOException {
        Path dir = GOLDEN.resolve(scenario);
        ChaincodeSpec spec = ChaincodeSpecValidator.requireValid(
                YAML.unmarshal(Files.readString(dir.resolve("in-ChaincodeSpec.yaml")), ChaincodeSpec.class));
        Server server = YAML.unmarshal(Files.readString(dir.resolve("in-Server.yaml")), Server.class);
        ChaincodeServerModel model =
                ChaincodeServerModel.fromSpec(spec, server.mspId(), server.namespace(), server.packageId());

        List<HasMetadata> objects = new ArrayList<>();
        objects.add(model.generateDeployment());
        objects.add(model.generateService());
        objects.add(model.generateTlsSecret(TLS));

        List<String> expectedFiles = new ArrayList<>();
        for (HasMetadata object : objects.stream().filter(Objects::nonNull).toList()) {
            String file = "out-" + object.getKind() + "-" + object.getMetadata().getName() + ".yaml";
            expectedFiles.add(file);
            String actual = YAML.asYaml(object);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(dir.resolve(file), actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(scenario + "/" + file).isEqualTo(Files.readString(dir.resolve(file)));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("out-")))
                    .as("no stale golden files")
                    .containsExactlyInAnyOrderElementsOf(expectedFiles);
        }
    }
}
