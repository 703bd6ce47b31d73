package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code helm template} with the default values equals the reviewed golden file
 * {@code deploy-tests/src/test/resources/golden/helm-default.yaml}, byte for byte. After an intended chart change,
 * rewrite it and review the diff:
 *
 * <pre>{@code
 * ./mvnw -B -pl deploy-tests test -Dtest=GoldenFileTest -Dweft.golden.update=true
 * git diff deploy-tests/src/test/resources/golden/
 * }</pre>
 */
class GoldenFileTest {

    private static final Path GOLDEN = RepositoryFiles.path("deploy-tests/src/test/resources/golden/helm-default.yaml");

    @Test
    void default_render_matches_the_golden_file() throws IOException {
        String rendered = ChartRenderer.chart().template();

        if (Boolean.getBoolean("weft.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, rendered, StandardCharsets.UTF_8);
        }

        assertThat(GOLDEN)
                .as("golden file; create it with -Dweft.golden.update=true")
                .exists();
        assertThat(rendered)
                .as(
                        "helm template output differs from %s; if the change is intended, rerun with "
                                + "-Dweft.golden.update=true and review the diff",
                        GOLDEN)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
