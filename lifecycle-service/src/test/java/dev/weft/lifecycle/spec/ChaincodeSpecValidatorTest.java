package dev.weft.lifecycle.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChaincodeSpecValidatorTest {

    static ChaincodeSpec marbles() {
        return new ChaincodeSpec(
                "marbles",
                "1.0",
                null,
                null,
                "net1",
                List.of("Org1MSP", "Org2MSP"),
                null,
                null,
                "AND('Org1MSP.peer','Org2MSP.peer')",
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Nested
    class Defaults {
        @Test
        void fills_label_channel_type_tls_and_replicas() {
            ChaincodeSpec spec = ChaincodeSpecValidator.requireValid(marbles());

            assertThat(spec.label()).isEqualTo("marbles_1.0");
            assertThat(spec.channel()).isEqualTo("mychannel");
            assertThat(spec.type()).isEqualTo(PackageType.CCAAS);
            assertThat(spec.tls()).isEqualTo(TlsMode.MTLS);
            assertThat(spec.replicas()).isEqualTo(1);
            assertThat(spec.requiresInit()).isFalse();
        }

        @Test
        void a_new_version_moves_a_default_label_along() {
            ChaincodeSpec v2 = ChaincodeSpecValidator.requireValid(marbles()).withVersion("2.0");

            assertThat(v2.label()).isEqualTo("marbles_2.0");
        }
    }

    @Test
    void accepts_the_walkthrough_policy_with_lower_case_msp_ids() {
        ChaincodeSpec spec = new ChaincodeSpec(
                "marbles",
                "1.0",
                null,
                null,
                "net1",
                List.of("org1MSP", "org2MSP"),
                null,
                PackageType.EXTERNAL,
                "AND('org1MSP.peer','org2MSP.peer')",
                true,
                new ChaincodeSpec.InitCall("Init", List.of()),
                null,
                null,
                null,
                null);

        assertThat(ChaincodeSpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void reports_every_problem_with_its_field_path() {
        ChaincodeSpec spec = new ChaincodeSpec(
                "Marbles!",
                "",
                "bad label",
                "MyChannel",
                null,
                List.of("Org1MSP", "Org1MSP", ""),
                new ServerSpec(" ", List.of(), "x.jar"),
                null,
                "AND('Org1MSP.peer'",
                null,
                new ChaincodeSpec.InitCall(" ", null),
                null,
                Map.of("../x.json", "{}"),
                42,
                Map.of("limits", Map.of("cpu", "lots"), "extras", Map.of()));

        List<SpecProblem> problems = ChaincodeSpecValidator.validate(spec);

        assertThat(problems)
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "name",
                        "version",
                        "label",
                        "channel",
                        "network",
                        "organizations[1]",
                        "organizations[2]",
                        "server.command",
                        "server.jar",
                        "server.image",
                        "endorsementPolicy",
                        "init.function",
                        "couchDbIndexes.../x.json",
                        "replicas",
                        "resources.limits.cpu",
                        "resources.extras");
    }

    @Test
    void require_valid_throws_with_the_problems() {
        ChaincodeSpec spec = new ChaincodeSpec(
                null, "1.0", null, null, "net1", null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> ChaincodeSpecValidator.requireValid(spec))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.problems()).containsExactly(new SpecProblem("name", "is required")));
    }
}
