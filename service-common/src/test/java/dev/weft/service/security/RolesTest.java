package dev.weft.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void parses_a_comma_separated_list_of_known_roles() {
        assertThat(Roles.parse("marbles:read, marbles:write"))
                .containsExactlyInAnyOrder("marbles:read", "marbles:write");
    }

    @Test
    void refuses_unknown_and_empty_roles_naming_them() {
        assertThatThrownBy(() -> Roles.parse("marbles:admin"))
                .hasMessageStartingWith("unknown role 'marbles:admin' (known: marbles:read, marbles:write,");
        assertThatThrownBy(() -> Roles.parse("marbles:read,,network:admin")).hasMessageStartingWith("empty role");
    }
}
