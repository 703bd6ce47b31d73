package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteLayoutTest {

    private static SuiteLayout layout(SuiteLayout.GatewayIdentity identity) {
        return new SuiteLayout(
                Path.of("/repo"),
                Path.of("/repo/.weft"),
                new SuitePorts(7000),
                Path.of("/fabric/bin"),
                "java",
                "cp",
                identity);
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
}
