package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteLayoutTest {

    private static SuiteLayout layout(boolean auth) {
        return new SuiteLayout(
                Path.of("/repo"),
                Path.of("/repo/.weft"),
                new SuitePorts(7000),
                Path.of("/fabric/bin"),
                "java",
                "cp",
                auth);
    }

    @Test
    void gives_every_service_the_local_keys_file() {
        for (SuiteLayout.Part part : java.util.List.of(
                layout(true).provisioner(),
                layout(true).lifecycle(),
                layout(true).gateway())) {
            assertThat(part.command())
                    .as(part.name())
                    .contains("-Dweft.security.api-keys.file=/repo/.weft/security/api-keys")
                    .noneMatch(arg -> arg.startsWith("-Dweft.security.enabled"));
        }
    }

    @Test
    void no_auth_switches_authentication_off_in_every_service() {
        for (SuiteLayout.Part part : java.util.List.of(
                layout(false).provisioner(),
                layout(false).lifecycle(),
                layout(false).gateway())) {
            assertThat(part.command())
                    .as(part.name())
                    .contains("-Dweft.security.enabled=false")
                    .noneMatch(arg -> arg.startsWith("-Dweft.security.api-keys"));
        }
    }
}
