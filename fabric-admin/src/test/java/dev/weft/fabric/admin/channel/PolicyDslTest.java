package dev.weft.fabric.admin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDslTest {

    @Test
    void and_requires_every_principal() throws Exception {
        SignaturePolicyEnvelope envelope = PolicyDsl.parse("AND('Org1MSP.peer','Org2MSP.peer')");

        assertThat(envelope.getVersion()).isZero();
        assertThat(envelope.getRule()).isEqualTo(nOutOf(2, signedBy(0), signedBy(1)));
        assertThat(roles(envelope))
                .containsExactly(role("Org1MSP", MSPRole.MSPRoleType.PEER), role("Org2MSP", MSPRole.MSPRoleType.PEER));
    }

    @Test
    void or_requires_one_and_maps_every_role() throws Exception {
        SignaturePolicyEnvelope envelope =
                PolicyDsl.parse("OR('A.admin', 'A.member', 'A.client', 'A.peer', 'A.orderer')");

        assertThat(envelope.getRule().getNOutOf().getN()).isEqualTo(1);
        assertThat(roles(envelope))
                .extracting(MSPRole::getRole)
                .containsExactly(
                        MSPRole.MSPRoleType.ADMIN,
                        MSPRole.MSPRoleType.MEMBER,
                        MSPRole.MSPRoleType.CLIENT,
                        MSPRole.MSPRoleType.PEER,
                        MSPRole.MSPRoleType.ORDERER);
    }

    @Test
    void nested_gates_number_identities_in_order_of_appearance_without_dedupe() throws Exception {
        // Fabric's policydsl does not deduplicate principals: 'A.peer' twice gives identities 0 and 2.
        SignaturePolicyEnvelope envelope = PolicyDsl.parse("OutOf(1, AND('A.peer', 'B.peer'), OR(\"A.peer\"))");

        assertThat(envelope.getRule())
                .isEqualTo(nOutOf(1, nOutOf(2, signedBy(0), signedBy(1)), nOutOf(1, signedBy(2))));
        assertThat(roles(envelope)).extracting(MSPRole::getMspIdentifier).containsExactly("A", "B", "A");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"and('A.peer')", "And('A.peer')", "AND('A.peer')", "outof(1,'A.peer')", "OUTOF(1,'A.peer')"})
    void accepts_the_gate_spellings_fabric_accepts(String expression) {
        assertThat(PolicyDsl.parse(expression).getIdentitiesCount()).isEqualTo(1);
    }

    @Test
    void msp_ids_may_contain_dots_and_dashes() throws Exception {
        assertThat(roles(PolicyDsl.parse("OR('org-1.example.com.member')")))
                .containsExactly(role("org-1.example.com", MSPRole.MSPRoleType.MEMBER));
    }

    @Test
    void out_of_allows_up_to_n_plus_one_like_fabric() {
        assertThat(PolicyDsl.parse("OutOf(3, 'A.peer', 'B.peer')")
                        .getRule()
                        .getNOutOf()
                        .getN())
                .isEqualTo(3);
        assertThatThrownBy(() -> PolicyDsl.parse("OutOf(4, 'A.peer', 'B.peer')"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessageContaining("invalid t-out-of-n predicate, t 4, n 2");
    }

    @Test
    void errors_name_the_problem_and_position() {
        assertThatThrownBy(() -> PolicyDsl.parse("OR('Org1MSP.king')"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessage(
                        "error parsing principal Org1MSP.king (expected '<mspId>.<admin|member|client|peer|orderer>')"
                                + " at position 3 in policy \"OR('Org1MSP.king')\"");
        assertThatThrownBy(() -> PolicyDsl.parse("XOR('A.peer')"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessageContaining("unrecognized token 'XOR'");
        assertThatThrownBy(() -> PolicyDsl.parse("OR(Org1MSP.peer)"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessageContaining("position 3");
        assertThatThrownBy(() -> PolicyDsl.parse("OR('A.peer'"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessageContaining("expected ')' but the policy ended");
        assertThatThrownBy(() -> PolicyDsl.parse("OR('A.peer') x"))
                .isInstanceOf(PolicyDslException.class)
                .hasMessageContaining("unexpected trailing text");
    }

    private static SignaturePolicy signedBy(int index) {
        return SignaturePolicy.newBuilder().setSignedBy(index).build();
    }

    private static SignaturePolicy nOutOf(int n, SignaturePolicy... rules) {
        return SignaturePolicy.newBuilder()
                .setNOutOf(SignaturePolicy.NOutOf.newBuilder().setN(n).addAllRules(List.of(rules)))
                .build();
    }

    private static MSPRole role(String mspId, MSPRole.MSPRoleType type) {
        return MSPRole.newBuilder().setMspIdentifier(mspId).setRole(type).build();
    }

    private static List<MSPRole> roles(SignaturePolicyEnvelope envelope) throws InvalidProtocolBufferException {
        List<MSPRole> roles = new java.util.ArrayList<>();
        for (MSPPrincipal principal : envelope.getIdentitiesList()) {
            assertThat(principal.getPrincipalClassification()).isEqualTo(MSPPrincipal.Classification.ROLE);
            roles.add(MSPRole.parseFrom(principal.getPrincipal()));
        }
        return roles;
    }
}
