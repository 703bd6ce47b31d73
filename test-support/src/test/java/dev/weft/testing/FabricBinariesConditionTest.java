package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FabricBinariesConditionTest {

    @TempDir
    Path bin;

    @Test
    void skips_outside_the_e2e_profile_and_says_how_to_run_it() {
        var result = FabricBinariesCondition.evaluate(null, Map.of("FABRIC_BIN", bin.toString()));

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r).contains("-Pe2e"));
    }

    @Test
    void skips_when_fabric_bin_is_unset_and_says_where_binaries_come_from() {
        var result = FabricBinariesCondition.evaluate("true", Map.of());

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(
                        r -> assertThat(r).contains("FABRIC_BIN is not set").contains("releases"));
    }

    @Test
    void names_each_missing_executable() throws IOException {
        executable("peer");

        var result = FabricBinariesCondition.evaluate("true", Map.of("FABRIC_BIN", bin.toString()));

        assertThat(result.getReason())
                .hasValueSatisfying(
                        r -> assertThat(r).contains("orderer, osnadmin").doesNotContain("peer,"));
    }

    @Test
    void runs_when_every_required_executable_is_present() throws IOException {
        for (String name : FabricBinaries.REQUIRED) {
            executable(name);
        }

        var result = FabricBinariesCondition.evaluate("true", Map.of("FABRIC_BIN", bin.toString()));

        assertThat(result.isDisabled()).isFalse();
        assertThat(FabricBinaries.from(Map.of("FABRIC_BIN", bin.toString())).executable("peer"))
                .isEqualTo(bin.resolve("peer"));
    }

    @Test
    void rejects_a_path_that_is_not_a_folder() {
        var binaries =
                FabricBinaries.from(Map.of("FABRIC_BIN", bin.resolve("nope").toString()));

        assertThat(binaries.problem()).hasValueSatisfying(p -> assertThat(p).contains("is not a folder"));
    }

    private void executable(String name) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
