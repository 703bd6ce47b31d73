package dev.weft.service.events;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventFormatException;
import dev.weft.events.EventJson;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns Weft {@link CloudEvent}s into Kafka messages and back, the same way in every service.
 *
 * <p>Events travel in CloudEvents structured mode: the record value is the whole event as JSON, the
 * {@code content-type} header says so, and the record key is the event's subject (network, chaincode or marble
 * name) so that every event about one subject lands on one partition, in order.
 *
 * <p>Consumers must set {@code mp.messaging.connector.smallrye-kafka.cloud-events=false}: otherwise the connector
 * recognises the header, parses the value itself and hands the channel a JSON object instead of the text that
 * {@link #fromValue(String)} reads.
 *
 * <pre>{@code
 * @Channel("network-events") Emitter<String> emitter;
 * emitter.send(CloudEventMessages.toMessage(CloudEvent.of(SOURCE, ready)));
 * }</pre>
 */
public final class CloudEventMessages {

    /** Kafka header carrying the media type of the value. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private CloudEventMessages() {}

    /** A Kafka message whose key is the subject and whose value is the structured-mode event. */
    public static Message<String> toMessage(CloudEvent<?> event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(EventJson.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.subject())
                        .withHeaders(headers)
                        .build());
    }

    /**
     * Reads the event in a record value.
     *
     * @throws EventFormatException naming the problem, when the value is not a Weft event
     */
    public static CloudEvent<?> fromValue(String value) {
        return EventJson.read(value);
    }
}
