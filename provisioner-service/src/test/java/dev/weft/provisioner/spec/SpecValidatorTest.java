package dev.weft.provisioner.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static List<SpecProblem> problems(String yaml) throws InvalidSpecException {
        return SpecValidator.validate(NetworkSpecs.parse(yaml));
    }

    @Test
    void the_defaults_are_valid() {
        assertThat(SpecValidator.validate(NetworkSpec.defaults("marbles"))).isEmpty();
    }

    // One document with many mistakes: every one is reported, each by its field.
    @Test
    void reports_every_problem_at_once() throws Exception {
        List<SpecProblem> found = SpecValidator.validate(NetworkSpecs.parse(SpecResources.read("many-problems.yaml")));

        assertThat(found)
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "name",
                        "ordererOrg.orderers",
                        "peerOrgs[1].mspId",
                        "channels[0].orgs[1]",
                        "channels[0].policies.Approvers",
                        "storage.size",
                        "peerOrgs[2].localPortBase");
        assertThat(found)
                .filteredOn(p -> p.field().equals("peerOrgs[1].mspId"))
                .singleElement()
                .extracting(SpecProblem::message)
                .isEqualTo("duplicate MSP id 'Org1MSP' (also used by peerOrgs[0].mspId)");
        assertThat(found)
                .filteredOn(p -> p.field().equals("peerOrgs[2].localPortBase"))
                .singleElement()
                .extracting(SpecProblem::message)
                .isEqualTo("peerOrgs[2] local ports 7100-7199 clash with peerOrgs[0] ports 7100-7199");
    }

    @Test
    void names_must_be_dns_labels() throws Exception {
        assertThat(problems("""
                        name: demo
                        namespace: -bad-
                        peerOrgs: [{name: Org1}, {name: org2}]
                        ordererOrg: {name: ord.er}
                        """))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("namespace", "peerOrgs[0].name", "ordererOrg.name");
    }

    @Test
    void node_names_must_fit_kubernetes_limits() throws Exception {
        String longOrg = "o".repeat(47);

        assertThat(problems("name: demo\npeerOrgs: [{name: " + longOrg + "}]\nchannels: [{name: c}]\n"))
                .extracting(SpecProblem::field, SpecProblem::message)
                .containsExactly(tuple("peerOrgs[0].name", "'" + longOrg + "' is longer than 46 characters"));
    }

    @Test
    void a_missing_name_is_reported_not_thrown() throws Exception {
        assertThat(problems("tls: true")).extracting(SpecProblem::field).containsExactlyInAnyOrder("name", "namespace");
    }

    @Test
    void orgs_msp_ids_and_channels_must_be_unique() throws Exception {
        assertThat(problems("""
                        name: demo
                        ordererOrg: {mspId: Org1MSP}
                        peerOrgs: [{name: org1}, {name: org1, mspId: OtherMSP}]
                        channels: [{name: a, orgs: [org1, org1]}, {name: a}]
                        """))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "peerOrgs[0].mspId",
                        "peerOrgs[1].name",
                        "channels[0].orgs[1]",
                        "channels[1].name",
                        // the second channel's default members are both orgs, named the same
                        "channels[1].orgs[1]");
    }

    @Test
    void counts_must_be_in_range() throws Exception {
        assertThat(problems("name: demo\nordererOrg: {orderers: 10}\npeerOrgs: [{name: org1, peers: 0}]\n"))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("ordererOrg.orderers", "peerOrgs[0].peers");
    }

    @Test
    void channels_need_valid_names_and_members() throws Exception {
        assertThat(problems("name: demo\nchannels: [{name: MyChannel, orgs: []}]\n"))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("channels[0].name", "channels[0].orgs");
    }

    @Test
    void empty_org_and_channel_lists_are_rejected() throws Exception {
        assertThat(problems("name: demo\npeerOrgs: []\nchannels: []\n"))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder("peerOrgs", "channels");
    }

    @Test
    void quantities_and_storage_class_are_checked() throws Exception {
        assertThat(problems("""
                        name: demo
                        storage: {size: 1GB, storageClass: Fast_SSD}
                        resources: {peer: {cpu: lots}, ca: {memory: ''}}
                        """))
                .extracting(SpecProblem::field)
                .containsExactlyInAnyOrder(
                        "storage.size", "storage.storageClass", "resources.peer.cpu", "resources.ca.memory");
    }

    @Test
    void local_ports_must_fit_the_port_range() throws Exception {
        assertThat(problems("name: demo\nlocal: {portBase: 65400}\n"))
                .extracting(SpecProblem::field)
                .containsOnly("local.portBase");
        assertThat(problems("name: demo\nlocal: {portBase: 80}\n"))
                .extracting(SpecProblem::field)
                .contains("local.portBase");
    }

    @Test
    void require_valid_throws_with_every_problem() {
        NetworkSpec bad = new NetworkSpec(
                "demo",
                null,
                null,
                new OrdererOrgSpec(null, null, 0, null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                InvalidSpecException.class, () -> SpecValidator.requireValid(bad))
                        .problems())
                .extracting(SpecProblem::field)
                .containsExactly("ordererOrg.orderers");
    }
}
