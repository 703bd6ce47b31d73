package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteLayoutTest {

    private static SuiteLayout layout(boolean auth) {
        return layout(SuiteLayout.GatewayIdentity.ORG, auth);
    }

    private static SuiteLayout layout(SuiteLayout.GatewayIdentity identity) {
        return layout(identity, true);
    }

    private static SuiteLayout layout(SuiteLayout.GatewayIdentity identity, boolean auth) {
        return new SuiteLayout(
                Path.of("/repo"),
                Path.of("/repo/.weft"),
                new SuitePorts(7000),
                Path.of("/fabric/bin"),
                "java",
                "cp",
                identity,
                auth);
    }

    @Test
    void the_gateway_signs_with_user1_of_org1_by_default() {
        assertThat(layout(SuiteLayout.GatewayIdentity.ORG).gateway().command())
                .contains("-Dweft.gateway.identity.msp-id=Org1MSP")
                .noneMatch(arg -> arg.startsWith("-Dweft.gateway.identity.mode"));
    }

    @Test
    void per_caller_identities_are_enrolled_with_org1s_local_ca_as_its_bootstrap_registrar() {
        assertThat(layout(SuiteLayout.GatewayIdentity.PER_CALLER).gateway().command())
                .contains(
                        "-Dweft.gateway.identity.mode=per-caller",
                        "-Dweft.gateway.identity.per-caller.ca-url=http://127.0.0.1:7190",
                        "-Dweft.gateway.identity.per-caller.registrar-id=admin",
                        "-Dweft.gateway.identity.per-caller.registrar-secret-file="
                                + "/repo/.weft/provisioner/weft/nodes/org1-ca/bootstrap-admin-password",
                        "-Dweft.gateway.identity.per-caller.store-dir=/repo/.weft/gateway/caller-identities");
        assertThat(new SuitePorts(7000).required()).containsEntry(7190, "org1-ca");
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
