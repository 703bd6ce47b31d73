package dev.weft.provisioner.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LiveStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean contains(String live, String desired) throws Exception {
        JsonNode l = JSON.readTree(live);
        JsonNode d = JSON.readTree(desired);
        return LiveState.contains(l, d);
    }

    @Test
    void server_defaults_do_not_count_as_a_difference() throws Exception {
        assertThat(contains(
                        "{\"spec\":{\"clusterIP\":\"10.0.0.1\",\"ports\":[{\"port\":7051,\"protocol\":\"TCP\"}]}}",
                        "{\"spec\":{\"ports\":[{\"port\":7051}]}}"))
                .isTrue();
    }

    @Test
    void a_changed_value_or_list_length_does() throws Exception {
        assertThat(contains("{\"a\":{\"b\":\"x\"}}", "{\"a\":{\"b\":\"y\"}}")).isFalse();
        assertThat(contains("{\"l\":[1,2]}", "{\"l\":[1]}")).isFalse();
        assertThat(contains("{\"a\":1}", "{\"a\":\"1\"}")).isFalse();
        assertThat(contains("{}", "{\"a\":\"v\"}")).isFalse();
    }

    @Test
    void empty_values_the_server_drops_are_equal_to_absent() throws Exception {
        assertThat(contains("{\"env\":[{\"name\":\"X\"}]}", "{\"env\":[{\"name\":\"X\",\"value\":\"\"}]}"))
                .isTrue();
        assertThat(contains("{}", "{\"emptyDir\":{}}")).isTrue();
    }
}
