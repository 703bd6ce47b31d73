package dev.weft.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

/** The broker modules the parent pins must be the release of the clients the Quarkus BOM brings. */
class KafkaVersionAlignmentTest {

    @Test
    void broker_modules_and_clients_are_the_same_kafka_release() {
        String clients = AppInfoParser.getVersion();

        assertThat(implementationVersion(Formatter.class)).isEqualTo(clients);
        assertThat(implementationVersion(MetadataVersion.class)).isEqualTo(clients);
        assertThat(implementationVersion(kafka.server.KafkaRaftServer.class)).isEqualTo(clients);
    }

    private static String implementationVersion(Class<?> type) {
        String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        // Maven repository layout: .../<artifact>/<version>/<artifact>-<version>.jar
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }
}
