package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
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
 *
 * <p>The admin API key the chart makes at install is random, and so is its hash: both are replaced by a placeholder
 * before comparing (VariantRenderTest checks what they hold).
 */
class GoldenFileTest {

    private static final Pattern RANDOM_KEY_DATA = Pattern.compile("(?m)^(  (?:admin-api-key|api-keys): )\\S+$");
    private static final Path GOLDEN = RepositoryFiles.path("deploy-tests/src/test/resources/golden/helm-default.yaml");

    @Test
    void default_render_matches_the_golden_file() throws IOException {
        String rendered = withoutRandomKey(ChartRenderer.chart().template());

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

    /** The chart's generated key and keys file, as one fixed text. */
    static String withoutRandomKey(String yaml) {
        return RANDOM_KEY_DATA.matcher(yaml).replaceAll("$1<random at install>");
    }
}
