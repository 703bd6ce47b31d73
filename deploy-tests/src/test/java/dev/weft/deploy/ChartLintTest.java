package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict}: no warning and no error (Helm's informational notes are allowed). */
class ChartLintTest {

    @Test
    void lints_clean_in_strict_mode() {
        LintResult lint = ChartRenderer.lintStrict();

        assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages())
                .as("strict lint messages")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
