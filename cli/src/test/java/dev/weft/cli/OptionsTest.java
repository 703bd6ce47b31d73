package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void reads_the_command_and_defaults() {
        Weft.Options options = Weft.Options.parse(new String[] {"up"}, Map.of("WEFT_HOME", "/repo"));

        assertThat(options.command()).isEqualTo("up");
        assertThat(options.ports().base()).isEqualTo(7000);
        assertThat(options.workDir()).hasToString("/repo/.weft");
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.auth()).isTrue();
    }

    @Test
    void no_auth_turns_authentication_off() {
        Weft.Options options = Weft.Options.parse(new String[] {"up", "--no-auth", "--port-base", "17000"}, Map.of());

        assertThat(options.auth()).isFalse();
        assertThat(options.ports().base()).isEqualTo(17000);
    }

    @Test
    void an_option_wins_over_the_environment() {
        Weft.Options options =
                Weft.Options.parse(new String[] {"status", "--port-base", "17000"}, Map.of("WEFT_PORT_BASE", "27000"));

        assertThat(options.ports().base()).isEqualTo(17000);
    }

    @Test
    void names_a_bad_value() {
        assertThatThrownBy(() -> Weft.Options.parse(new String[] {"up", "--port-base", "x"}, Map.of()))
                .hasMessage("--port-base must be a number, was 'x'");
        assertThatThrownBy(() -> Weft.Options.parse(new String[] {"up"}, Map.of("WEFT_PORT_BASE", "lots")))
                .hasMessage("WEFT_PORT_BASE must be a number, was 'lots'");
    }

    @Test
    void rejects_an_unknown_command_or_option() {
        assertThatThrownBy(() -> Weft.Options.parse(new String[] {"sideways"}, Map.of()))
                .hasMessage("unknown command 'sideways'");
        assertThatThrownBy(() -> Weft.Options.parse(new String[] {"up", "--colour", "blue"}, Map.of()))
                .hasMessage("unknown option --colour");
    }

    @Test
    void the_gateway_identity_is_org_unless_per_caller_is_asked_for() {
        assertThat(Weft.Options.parse(new String[] {"up"}, Map.of()).gatewayIdentity())
                .isEqualTo(SuiteLayout.GatewayIdentity.ORG);
        assertThat(Weft.Options.parse(new String[] {"up", "--gateway-identity", "per-caller"}, Map.of())
                        .gatewayIdentity())
                .isEqualTo(SuiteLayout.GatewayIdentity.PER_CALLER);
        assertThat(Weft.Options.parse(new String[] {"up"}, Map.of("WEFT_GATEWAY_IDENTITY", "per-caller"))
                        .gatewayIdentity())
                .isEqualTo(SuiteLayout.GatewayIdentity.PER_CALLER);
        assertThatThrownBy(() -> Weft.Options.parse(new String[] {"up", "--gateway-identity", "everyone"}, Map.of()))
                .hasMessage("--gateway-identity must be org or per-caller, was 'everyone'");
    }
}
