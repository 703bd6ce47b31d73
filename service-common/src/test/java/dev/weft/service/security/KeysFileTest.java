package dev.weft.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeysFileTest {

    private static final String HASH_A = ApiKeys.sha256Hex("key-a");
    private static final String HASH_B = ApiKeys.sha256Hex("key-b");

    @Nested
    class Parsing {

        @Test
        void reads_name_hash_roles_and_revocation_and_skips_comments_and_blank_lines() {
            List<ApiKeyEntry> keys = KeysFile.parse("# comment\n\nname=ops sha256=" + HASH_A
                    + " roles=network:admin,chaincode:admin\n  name=shop sha256=" + HASH_B
                    + " roles=marbles:read revoked=true  \r\n");

            assertThat(keys).hasSize(2);
            assertThat(keys.get(0).name()).isEqualTo("ops");
            assertThat(keys.get(0).sha256Hex()).isEqualTo(HASH_A);
            assertThat(keys.get(0).roles()).containsExactlyInAnyOrder("network:admin", "chaincode:admin");
            assertThat(keys.get(0).revoked()).isFalse();
            assertThat(keys.get(1).revoked()).isTrue();
        }

        @Test
        void an_empty_file_has_no_keys() {
            assertThat(KeysFile.parse("")).isEmpty();
            assertThat(KeysFile.parse(KeysFile.HEADER)).isEmpty();
        }

        @Test
        void names_the_line_and_field_of_an_unknown_role() {
            assertThatThrownBy(
                            () -> KeysFile.parse("# keys\nname=ops sha256=" + HASH_A + " roles=network:admin,root\n"))
                    .isInstanceOfSatisfying(KeysFileException.class, e -> {
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.field()).isEqualTo("roles");
                    })
                    .hasMessageContaining("line 2, field roles: unknown role 'root'");
        }

        @Test
        void refuses_a_key_written_in_the_clear_instead_of_its_hash() {
            assertThatThrownBy(() -> KeysFile.parse("name=ops sha256=weft_abc roles=network:admin"))
                    .hasMessageContaining("line 1, field sha256")
                    .hasMessageContaining("never the key itself")
                    .hasMessageNotContaining("weft_abc");
        }

        @Test
        void names_a_missing_field() {
            assertThatThrownBy(() -> KeysFile.parse("name=ops sha256=" + HASH_A))
                    .hasMessage("line 1, field roles: is required");
            assertThatThrownBy(() -> KeysFile.parse("sha256=" + HASH_A + " roles=marbles:read"))
                    .hasMessage("line 1, field name: is required");
        }

        @Test
        void refuses_unknown_fields_duplicates_and_bad_revocation_values() {
            assertThatThrownBy(() -> KeysFile.parse("name=ops sha256=" + HASH_A + " roles=marbles:read expires=2027"))
                    .hasMessageStartingWith("line 1, field expires: unknown field");
            assertThatThrownBy(() -> KeysFile.parse("name=ops sha256=" + HASH_A + " roles=marbles:read revoked=yes"))
                    .hasMessage("line 1, field revoked: must be true or false, was 'yes'");
            assertThatThrownBy(() -> KeysFile.parse("name=ops sha256=" + HASH_A
                            + " roles=marbles:read\nname=ops sha256=" + HASH_B + " roles=marbles:read"))
                    .hasMessage("line 2, field name: duplicate name 'ops'");
            assertThatThrownBy(() -> KeysFile.parse("name=a sha256=" + HASH_A + " roles=marbles:read\nname=b sha256="
                            + HASH_A + " roles=marbles:read"))
                    .hasMessage("line 2, field sha256: the same key hash appears twice");
            assertThatThrownBy(() -> KeysFile.parse("name=ops " + HASH_A))
                    .hasMessageStartingWith("line 1: expected field=value");
            assertThatThrownBy(() -> KeysFile.parse("name=o/ps sha256=" + HASH_A + " roles=marbles:read"))
                    .hasMessageStartingWith("line 1, field name:");
        }
    }

    @Nested
    class Writing {

        @Test
        void appends_a_key_under_the_header_and_reads_it_back() {
            ApiKeyEntry entry =
                    new ApiKeyEntry("local", ApiKeys.sha256("key-a"), Set.of("network:admin", "marbles:read"), false);

            String text = KeysFile.append("", entry);

            assertThat(text).startsWith(KeysFile.HEADER).endsWith("roles=marbles:read,network:admin\n");
            assertThat(KeysFile.parse(text)).containsExactly(entry);
        }

        @Test
        void refuses_a_second_key_of_the_same_name() {
            ApiKeyEntry entry = new ApiKeyEntry("local", ApiKeys.sha256("key-a"), Set.of("marbles:read"), false);
            String text = KeysFile.append("", entry);

            assertThatThrownBy(() -> KeysFile.append(
                            text, new ApiKeyEntry("local", ApiKeys.sha256("key-b"), Set.of("marbles:read"), false)))
                    .hasMessageContaining("a key named 'local' exists");
        }

        @Test
        void revokes_one_key_and_keeps_the_other_lines() {
            String text = "# mine\nname=a sha256=" + HASH_A + " roles=marbles:read\nname=b sha256=" + HASH_B
                    + " roles=marbles:write\n";

            String revoked = KeysFile.revoke(text, "a");

            assertThat(revoked).startsWith("# mine\n").contains("name=b sha256=" + HASH_B + " roles=marbles:write\n");
            assertThat(KeysFile.parse(revoked))
                    .extracting(ApiKeyEntry::name, ApiKeyEntry::revoked)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", true),
                            org.assertj.core.groups.Tuple.tuple("b", false));
            assertThatThrownBy(() -> KeysFile.revoke(text, "c")).hasMessage("no key named 'c'");
        }

        @Test
        void removes_one_key_and_keeps_the_other_lines() {
            String text = "# mine\nname=a sha256=" + HASH_A + " roles=marbles:read\nname=b sha256=" + HASH_B
                    + " roles=marbles:write\n";

            assertThat(KeysFile.remove(text, "a"))
                    .isEqualTo("# mine\nname=b sha256=" + HASH_B + " roles=marbles:write\n");
            assertThat(KeysFile.remove(text, "c")).isEqualTo(text);
        }
    }
}
