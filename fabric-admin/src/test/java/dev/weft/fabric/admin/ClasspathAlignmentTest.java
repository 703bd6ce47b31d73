package dev.weft.fabric.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.junit.jupiter.api.Test;

/**
 * fabric-protos 0.3.7 is generated for protobuf 4.x; a protobuf 3.x runtime fails when a message class loads
 * ({@code NoSuchMethodError} / {@code VerifyError} in the generated code). These tests fail first if the Quarkus BOM
 * and the Fabric artifacts ever drift apart.
 */
class ClasspathAlignmentTest {

    @Test
    void fabric_protos_message_round_trips_on_the_managed_protobuf_runtime() throws Exception {
        ChannelHeader header = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId("mychannel")
                .setTxId("abc")
                .build();

        ChannelHeader parsed = ChannelHeader.parseFrom(header.toByteString());

        assertThat(parsed.getChannelId()).isEqualTo("mychannel");
        assertThat(ByteString.class.getPackage().getImplementationVersion())
                .as("protobuf-java runtime version")
                .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).startsWith("4."));
        assertThat(com.google.protobuf.RuntimeVersion.MAJOR)
                .as("protobuf runtime major version")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void fabric_gateway_client_builder_loads() {
        assertThat(Gateway.newInstance()).isNotNull();
    }
}
