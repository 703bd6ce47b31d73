package dev.weft.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnrollmentIdsTest {

    private final EnrollmentIds ids = new EnrollmentIds("caller-");

    @Test
    void plain_names_keep_their_letters_behind_the_prefix() {
        assertThat(ids.of("alice")).isEqualTo("caller-alice");
        assertThat(ids.of("Alice.Smith@example.com")).isEqualTo("caller-Alice.Smith@example.com");
        assertThat(ids.of("svc-42")).isEqualTo("caller-svc-42");
    }

    @Test
    void other_characters_become_underscore_and_hex_of_their_utf8_bytes() {
        assertThat(ids.of("Tom Riddle")).isEqualTo("caller-Tom_20Riddle");
        assertThat(ids.of("a:b")).isEqualTo("caller-a_3Ab");
        assertThat(ids.of("a_b")).isEqualTo("caller-a_5Fb");
        assertThat(ids.of("zoë")).isEqualTo("caller-zo_C3_AB");
        assertThat(ids.of("../etc")).isEqualTo("caller-.._2Fetc");
    }

    @Test
    void different_principals_get_different_ids() {
        List<String> principals = List.of("a b", "a_20b", "a_b", "a:b", "A B", "a  b", "ab", "a-b");
        Set<String> seen = new HashSet<>();
        for (String principal : principals) {
            assertThat(seen.add(ids.of(principal))).as(principal).isTrue();
        }
    }

    @Test
    void long_principals_are_cut_to_64_characters_with_a_hash_that_keeps_them_apart() {
        String base = "x".repeat(100);

        String one = ids.of(base + "1");
        String two = ids.of(base + "2");

        assertThat(one)
                .hasSize(EnrollmentIds.MAX_LENGTH)
                .startsWith("caller-xxx")
                .contains("~");
        assertThat(two).hasSize(EnrollmentIds.MAX_LENGTH);
        assertThat(one).isNotEqualTo(two);
        assertThat(ids.of("x".repeat(57))).hasSize(64).doesNotContain("~");
    }

    @Test
    void the_same_principal_always_gets_the_same_id() {
        assertThat(new EnrollmentIds("caller-").of("Bob Smith")).isEqualTo(ids.of("Bob Smith"));
    }

    @Test
    void rejects_an_empty_principal() {
        assertThatThrownBy(() -> ids.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_a_prefix_with_characters_an_id_cannot_have_naming_the_setting() {
        assertThatThrownBy(() -> new EnrollmentIds("weft:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enrollment-id-prefix");
        assertThatThrownBy(() -> new EnrollmentIds("")).hasMessageContaining("enrollment-id-prefix");
    }
}
