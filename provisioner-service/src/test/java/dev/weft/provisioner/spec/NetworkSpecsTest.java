package dev.weft.provisioner.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NetworkSpecsTest {

    @Nested
    class Defaults {

        // A spec that only names the network must become the walkthrough's topology.
        @Test
        void name_only_reproduces_the_walkthrough() throws Exception {
            NetworkSpec spec = NetworkSpecs.parse("name: demo");

            assertThat(spec).isEqualTo(NetworkSpec.defaults("demo"));
            assertThat(spec.namespace()).isEqualTo("demo");
            assertThat(spec.createNamespace()).isTrue();
            assertThat(spec.ordererOrg()).isEqualTo(new OrdererOrgSpec("orderer", "OrdererMSP", 3, false, null));
            assertThat(spec.peerOrgs())
                    .containsExactly(
                            new PeerOrgSpec("org1", "Org1MSP", 1, true, null),
                            new PeerOrgSpec("org2", "Org2MSP", 1, true, null));
            assertThat(spec.channels())
                    .containsExactly(new ChannelSpec("mychannel", List.of("org1", "org2"), Map.of()));
            assertThat(spec.stateDatabase()).isEqualTo(StateDatabase.COUCHDB);
            assertThat(spec.tls()).isTrue();
            assertThat(spec.images())
                    .isEqualTo(new ImagesSpec(
                            "hyperledger/fabric-peer:2.5.12",
                            "hyperledger/fabric-orderer:2.5.12",
                            "hyperledger/fabric-ca:1.5.15",
                            "couchdb:3.3.3"));
            assertThat(spec.storage()).isEqualTo(new StorageSpec("1Gi", null));
            assertThat(spec.local()).isEqualTo(new LocalSpec("127.0.0.1", 7000, null));
            assertThat(SpecValidator.validate(spec)).isEmpty();
        }

        @Test
        void the_readme_example_spells_out_the_defaults() throws Exception {
            NetworkSpec example = NetworkSpecs.parse(SpecResources.read("example.yaml"));

            NetworkSpec defaults = NetworkSpec.defaults("marbles");
            assertThat(example.channels().get(0).policies()).containsEntry("Endorsement", "MAJORITY Endorsement");
            assertThat(example)
                    .usingRecursiveComparison()
                    .ignoringFields("channels")
                    .isEqualTo(defaults);
        }

        @Test
        void image_tags_follow_the_fabric_version() throws Exception {
            NetworkSpec spec = NetworkSpecs.parse("name: demo\nfabricVersion: 2.5.9\n");

            assertThat(spec.images().peer()).isEqualTo("hyperledger/fabric-peer:2.5.9");
            assertThat(spec.images().orderer()).isEqualTo("hyperledger/fabric-orderer:2.5.9");
        }

        @Test
        void partial_orgs_and_channels_get_their_own_defaults() throws Exception {
            NetworkSpec spec = NetworkSpecs.parse("""
                    name: demo
                    peerOrgs: [{name: bank}, {name: shop, peers: 2, ca: false}]
                    channels: [{name: trade}]
                    resources: {peer: {memory: 1Gi}}
                    """);

            assertThat(spec.peerOrgs())
                    .containsExactly(
                            new PeerOrgSpec("bank", "BankMSP", 1, true, null),
                            new PeerOrgSpec("shop", "ShopMSP", 2, false, null));
            assertThat(spec.channels().get(0).orgs()).containsExactly("bank", "shop");
            assertThat(spec.resources().peer()).isEqualTo(new ResourceSpec("100m", "1Gi"));
        }

        @Test
        void json_is_accepted_and_state_database_ignores_case() throws Exception {
            NetworkSpec spec = NetworkSpecs.parse("{\"name\":\"demo\",\"stateDatabase\":\"LevelDB\",\"tls\":false}");

            assertThat(spec.stateDatabase()).isEqualTo(StateDatabase.LEVELDB);
            assertThat(spec.tls()).isFalse();
        }

        @Test
        void yaml_round_trips() throws Exception {
            NetworkSpec spec = NetworkSpec.defaults("demo");

            assertThat(NetworkSpecs.parse(NetworkSpecs.toYaml(spec))).isEqualTo(spec);
            assertThat(NetworkSpecs.toYaml(spec)).startsWith("name: demo\nnamespace: demo\n");
        }

        @Test
        void applying_defaults_twice_changes_nothing() {
            NetworkSpec spec = NetworkSpec.defaults("demo");

            assertThat(spec.withDefaults()).isEqualTo(spec);
        }
    }

    @Nested
    class Rejects {

        // Every unknown field of the document is listed, not only the first.
        @Test
        void every_unknown_field_by_path() {
            InvalidSpecException e = catchThrowableOfType(
                    InvalidSpecException.class, () -> NetworkSpecs.parse(SpecResources.read("unknown-fields.yaml")));

            assertThat(e.problems())
                    .extracting(SpecProblem::field)
                    .containsExactlyInAnyOrder("colour", "peerOrgs[0].msp", "peerOrgs[1].extra");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isEqualTo("unknown field"));
        }

        @Test
        void a_wrong_type_by_path() {
            InvalidSpecException e = catchThrowableOfType(
                    InvalidSpecException.class, () -> NetworkSpecs.parse(SpecResources.read("wrong-type.yaml")));

            assertThat(e.problems()).containsExactly(new SpecProblem("peerOrgs[1].peers", "'two' is not an integer"));
        }

        @Test
        void an_unknown_state_database() {
            InvalidSpecException e = catchThrowableOfType(
                    InvalidSpecException.class, () -> NetworkSpecs.parse("name: demo\nstateDatabase: mongo\n"));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("stateDatabase");
                assertThat(p.message()).contains("leveldb, couchdb");
            });
        }

        @Test
        void a_list_where_an_object_belongs() {
            InvalidSpecException e = catchThrowableOfType(
                    InvalidSpecException.class, () -> NetworkSpecs.parse("name: demo\nordererOrg: [a, b]\n"));

            assertThat(e.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("ordererOrg"));
        }

        @Test
        void broken_yaml_and_empty_documents() {
            InvalidSpecException broken = catchThrowableOfType(
                    InvalidSpecException.class, () -> NetworkSpecs.parse("name: demo\n\tpeers: 1\n"));
            InvalidSpecException empty = catchThrowableOfType(InvalidSpecException.class, () -> NetworkSpecs.parse(""));

            assertThat(broken.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML or JSON"));
            assertThat(empty.problems()).containsExactly(new SpecProblem("", "the document is empty"));
        }

        @Test
        void parse_valid_also_runs_the_validator() {
            InvalidSpecException e = catchThrowableOfType(
                    InvalidSpecException.class,
                    () -> NetworkSpecs.parseValid("name: demo\nordererOrg: {orderers: 0}\n"));

            assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("ordererOrg.orderers");
        }
    }
}
