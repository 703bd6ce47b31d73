package dev.weft.events;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope around a Weft event or command, written in structured mode (one JSON object) by
 * {@link EventJson}.
 *
 * <pre>{@code
 * CloudEvent<NetworkReady> event = CloudEvent.of(URI.create("/weft/provisioner"), ready);
 * String json = EventJson.write(event);            // Kafka value
 * String key = event.subject();                    // Kafka key
 * String topic = event.eventType().topic();        // weft.network
 * }</pre>
 *
 * @param id unique per event; consumers dedupe on it (delivery is at least once)
 * @param source the producing service, e.g. {@code /weft/provisioner}
 * @param type the CloudEvents type, e.g. {@code dev.weft.network.ready.v1}
 * @param subject the network, chaincode or marble the event is about; also the Kafka key
 * @param time when it happened
 * @param data the body
 * @param <T> the body type
 */
public record CloudEvent<T extends EventData>(
        String id, URI source, String type, String subject, Instant time, T data) {

    /** The CloudEvents specification version. */
    public static final String SPEC_VERSION = "1.0";

    /** The media type of {@code data}. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** The media type of a whole structured-mode event, for the Kafka {@code content-type} header. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Fields.required(id, "id");
        Fields.required(source, "source");
        Fields.required(type, "type");
        Fields.required(subject, "subject");
        Fields.required(time, "time");
        Fields.required(data, "data");
        if (!type.equals(EventType.of(data).type())) {
            throw new IllegalArgumentException(
                    "type " + type + " does not match data " + data.getClass().getSimpleName());
        }
    }

    /** A new event with a random id, the current time, and the type and subject taken from the body. */
    public static <T extends EventData> CloudEvent<T> of(URI source, T data) {
        return of(source, data, UUID.randomUUID().toString(), Instant.now());
    }

    /** A new event with a given id and time (for tests and for replays that must keep their id). */
    public static <T extends EventData> CloudEvent<T> of(URI source, T data, String id, Instant time) {
        // Millisecond precision: what Kafka timestamps and most consumers keep; keeps round trips exact.
        return new CloudEvent<>(
                id, source, EventType.of(data).type(), data.subject(), time.truncatedTo(ChronoUnit.MILLIS), data);
    }

    /** The registered type of this event. */
    public EventType eventType() {
        return EventType.of(data);
    }
}
