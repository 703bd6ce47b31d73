package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuitePortsTest {

    @Test
    void the_default_base_gives_the_familiar_ports() {
        SuitePorts ports = new SuitePorts(SuitePorts.DEFAULT_BASE);

        assertThat(ports.gateway()).isEqualTo(8080);
        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.fabric()).isEqualTo(7000);
    }

    @Test
    void every_required_port_moves_with_the_base_and_none_is_shared() {
        SuitePorts a = new SuitePorts(7000);
        SuitePorts b = new SuitePorts(17000);

        assertThat(b.required().keySet())
                .containsExactlyElementsOf(
                        a.required().keySet().stream().map(p -> p + 10_000).toList());
        assertThat(a.required())
                .as("services, 3 orderers × 4, 2 orgs × (peer 3 + CA 2)")
                .hasSize(5 + 12 + 10);
    }

    @Test
    void names_the_base_when_it_is_out_of_range() {
        assertThatThrownBy(() -> new SuitePorts(80)).hasMessageContaining("port base must be between 1024");
    }
}
