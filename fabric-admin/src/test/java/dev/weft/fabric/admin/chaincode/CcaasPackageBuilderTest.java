package dev.weft.fabric.admin.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CcaasPackageBuilderTest {

    private static final byte[] INDEX =
            "{\"index\":{\"fields\":[\"docType\",\"owner\"]},\"ddoc\":\"indexOwnerDoc\",\"name\":\"indexOwner\",\"type\":\"json\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private static ChaincodePackage marbles() {
        return CcaasPackageBuilder.ccaas("marbles_1.0", ConnectionJson.plaintext("127.0.0.1:9999"))
                .couchDbIndex("indexOwner.json", INDEX)
                .build();
    }

    @Nested
    class Determinism {

        @Test
        void same_inputs_give_the_same_bytes_and_package_id() {
            ChaincodePackage first = marbles();
            ChaincodePackage second = marbles();

            assertThat(second.bytes()).isEqualTo(first.bytes());
            assertThat(second.packageId()).isEqualTo(first.packageId());
        }

        @Test
        void package_id_is_the_same_on_every_machine() {
            // A golden value: if this changes, every deployed package id changes with it.
            assertThat(marbles().packageId()).isEqualTo("marbles_1.0:" + GOLDEN_SHA256);
        }

        @Test
        void index_insertion_order_does_not_matter() {
            ChaincodePackage ab = CcaasPackageBuilder.ccaas("cc_1", ConnectionJson.plaintext("h:1"))
                    .couchDbIndex("a.json", INDEX)
                    .couchDbIndex("b.json", INDEX)
                    .build();
            ChaincodePackage ba = CcaasPackageBuilder.ccaas("cc_1", ConnectionJson.plaintext("h:1"))
                    .couchDbIndex("b.json", INDEX)
                    .couchDbIndex("a.json", INDEX)
                    .build();

            assertThat(ab.packageId()).isEqualTo(ba.packageId());
        }

        @Test
        void another_address_gives_another_package_id() {
            ChaincodePackage moved = CcaasPackageBuilder.ccaas(
                            "marbles_1.0", ConnectionJson.plaintext("127.0.0.1:9998"))
                    .couchDbIndex("indexOwner.json", INDEX)
                    .build();

            assertThat(moved.packageId()).isNotEqualTo(marbles().packageId());
        }

        @Test
        void gzip_header_has_mtime_zero_and_os_unknown() {
            byte[] bytes = marbles().bytes();

            assertThat(bytes).startsWith(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
        }
    }

    @Nested
    class Layout {

        @Test
        void outer_archive_holds_metadata_and_code_with_fixed_attributes() {
            Map<String, TarEntries.Entry> outer = TarEntries.readTarGz(marbles().bytes());

            assertThat(outer.keySet()).containsExactly("code.tar.gz", "metadata.json");
            assertThat(outer.values()).allSatisfy(entry -> {
                assertThat(entry.mode()).isEqualTo(0644);
                assertThat(entry.mtime()).isZero();
                assertThat(entry.uid()).isZero();
                assertThat(entry.gid()).isZero();
                assertThat(entry.type()).isEqualTo('0');
            });
            assertThat(new String(outer.get("metadata.json").content(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"ccaas\",\"label\":\"marbles_1.0\"}");
        }

        @Test
        void code_archive_holds_connection_and_couchdb_indexes() {
            byte[] code =
                    TarEntries.readTarGz(marbles().bytes()).get("code.tar.gz").content();
            Map<String, TarEntries.Entry> entries = TarEntries.readTarGz(code);

            assertThat(entries.keySet())
                    .containsExactly("META-INF/statedb/couchdb/indexes/indexOwner.json", "connection.json");
            assertThat(entries.get("META-INF/statedb/couchdb/indexes/indexOwner.json")
                            .content())
                    .isEqualTo(INDEX);
            assertThat(new String(entries.get("connection.json").content(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"address\":\"127.0.0.1:9999\",\"dial_timeout\":\"10s\","
                            + "\"tls_required\":false,\"client_auth_required\":false}");
        }

        @Test
        void external_type_is_written_to_metadata() {
            ChaincodePackage pkg = CcaasPackageBuilder.ccaas("cc_1", ConnectionJson.plaintext("h:1"))
                    .type(PackageType.EXTERNAL)
                    .build();

            assertThat(new String(
                            TarEntries.readTarGz(pkg.bytes())
                                    .get("metadata.json")
                                    .content(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"external\",\"label\":\"cc_1\"}");
        }

        @Test
        void mutual_tls_connection_carries_json_booleans_and_pem_strings() {
            String json = new String(
                    CcaasPackageBuilder.connectionJson(ConnectionJson.mutualTls("cc:7052", "CA\n", "CERT\n", "KEY\n")),
                    StandardCharsets.UTF_8);

            assertThat(json)
                    .isEqualTo("{\"address\":\"cc:7052\",\"dial_timeout\":\"10s\",\"tls_required\":true,"
                            + "\"client_auth_required\":true,\"root_cert\":\"CA\\n\",\"client_key\":\"KEY\\n\","
                            + "\"client_cert\":\"CERT\\n\"}");
        }

        @Test
        void large_content_spans_several_stored_blocks() {
            byte[] big = new byte[200_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            ChaincodePackage pkg = CcaasPackageBuilder.ccaas("cc_1", ConnectionJson.plaintext("h:1"))
                    .couchDbIndex("big.json", big)
                    .build();

            byte[] code = TarEntries.readTarGz(pkg.bytes()).get("code.tar.gz").content();
            assertThat(TarEntries.readTarGz(code)
                            .get(CcaasPackageBuilder.COUCHDB_INDEX_FOLDER + "big.json")
                            .content())
                    .isEqualTo(big);
        }
    }

    @Nested
    class Validation {

        @Test
        void rejects_labels_the_peer_rejects() {
            assertThat(ChaincodeLabel.isValid("marbles_1.0+build-2")).isTrue();
            assertThat(ChaincodeLabel.isValid("_marbles")).isFalse();
            assertThat(ChaincodeLabel.isValid("marbles 1.0")).isFalse();
            assertThat(ChaincodeLabel.isValid("marbles:1")).isFalse();
            assertThat(ChaincodeLabel.isValid("")).isFalse();
            assertThatThrownBy(() -> CcaasPackageBuilder.ccaas("bad label", ConnectionJson.plaintext("h:1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad label");
        }

        @Test
        void tls_needs_a_root_certificate() {
            assertThatThrownBy(() -> ConnectionJson.tls("h:1", null)).hasMessageContaining("root_cert");
        }

        @Test
        void client_auth_needs_the_client_key_pair() {
            assertThatThrownBy(() -> ConnectionJson.mutualTls("h:1", "CA", "CERT", null))
                    .hasMessageContaining("client_key");
        }

        @Test
        void to_string_never_shows_the_client_key() {
            assertThat(ConnectionJson.mutualTls("h:1", "CA", "CERT", "SECRET-KEY")
                            .toString())
                    .doesNotContain("SECRET-KEY");
        }

        @Test
        void index_names_stay_inside_the_index_folder() {
            assertThatThrownBy(() -> CcaasPackageBuilder.ccaas("cc", ConnectionJson.plaintext("h:1"))
                            .couchDbIndex("../evil.json", INDEX))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static final String GOLDEN_SHA256 = "2324444fa9cd2339065d3d68bc0586df0c2602b9bf95e08f4c9eb68980370bf1";
}
