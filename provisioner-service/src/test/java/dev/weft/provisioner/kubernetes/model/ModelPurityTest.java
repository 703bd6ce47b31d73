package dev.weft.provisioner.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model stays pure: it builds objects and never talks to a server, so its imports are limited to the JDK, the
 * spec, fabric8's model classes and fabric-admin's crypto records (as Strimzi's import-control does for its model).
 */
class ModelPurityTest {

    private static final List<String> ALLOWED = List.of(
            "java.",
            "dev.weft.provisioner.spec.",
            "dev.weft.provisioner.kubernetes.model.",
            "io.fabric8.kubernetes.api.model.",
            "dev.weft.fabric.admin.crypto.");

    @Test
    void model_classes_import_no_client_and_no_framework() throws IOException {
        Path dir = Path.of("src/main/java/dev/weft/provisioner/kubernetes/model");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(ModelPurityTest::imports)
                    .toList();

            assertThat(imports).isNotEmpty();
            assertThat(imports)
                    .allSatisfy(i -> assertThat(ALLOWED)
                            .anySatisfy(prefix -> assertThat(i).startsWith(prefix)));
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("import "))
                    .map(l -> l.replace("import static ", "")
                            .replace("import ", "")
                            .replace(";", ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
