package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** values.schema.json rejects bad values before anything renders, with a message naming the value at fault. */
class SchemaValidationTest {

    @Test
    void rejects_an_unknown_key() {
        assertThat(ChartRenderer.chart().set("gatway.replicas", 2).renderError())
                .contains("values don't meet the specifications of the schema")
                .contains("additional properties 'gatway' not allowed");
    }

    @Test
    void rejects_an_unknown_nested_key() {
        assertThat(ChartRenderer.chart().set("network.ordererOrg.count", 5).renderError())
                .contains("at '/network/ordererOrg'")
                .contains("additional properties 'count' not allowed");
    }

    @Test
    void rejects_a_wrong_type() {
        assertThat(ChartRenderer.chart().set("gateway.replicas", "two").renderError())
                .contains("at '/gateway/replicas': got string, want integer");
    }

    @Test
    void rejects_a_value_outside_an_enumeration() {
        assertThat(ChartRenderer.chart().set("chaincodes.tls", "ssl").renderError())
                .contains("at '/chaincodes/tls': value must be one of 'mtls', 'tls', 'none'");
    }

    @Test
    void rejects_a_network_name_that_is_not_a_dns_label() {
        assertThat(ChartRenderer.chart().set("network.name", "Bad_Name").renderError())
                .contains("at '/network/name': 'Bad_Name' does not match pattern");
    }

    @Test
    void requires_bootstrap_servers_for_an_external_kafka() {
        assertThat(ChartRenderer.chart().set("kafka.mode", "external").renderError())
                .contains("at '/kafka/external/bootstrapServers': minLength: got 0, want 1");
    }

    @Test
    void rejects_a_duration_without_a_unit() {
        assertThat(ChartRenderer.chart()
                        .set("provisioner.timeouts.nodesReady", "10min")
                        .renderError())
                .contains("at '/provisioner/timeouts/nodesReady'")
                .contains("does not match pattern");
    }

    @Test
    void names_a_gateway_org_that_the_network_lacks() {
        assertThat(ChartRenderer.chart().set("gateway.fabric.org", "org9").renderError())
                .contains("gateway.fabric.org \"org9\" is not one of network.peerOrgs");
    }

    @Test
    void requires_the_sasl_secret_with_a_sasl_protocol() {
        assertThat(ChartRenderer.chart()
                        .set("kafka.mode", "external")
                        .set("kafka.external.bootstrapServers", "kafka:9092")
                        .set("kafka.external.securityProtocol", "SASL_PLAINTEXT")
                        .renderError())
                .contains("kafka.external.sasl.existingSecret is required with a SASL securityProtocol");
    }

    @Test
    void refuses_the_provisioner_identity_without_a_shared_work_folder() {
        assertThat(ChartRenderer.chart()
                        .set("provisioner.persistence.enabled", false)
                        .renderError())
                .contains("gateway.fabric.identityFrom=provisioner needs provisioner.persistence.enabled");
    }
}
