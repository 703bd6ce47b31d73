package dev.weft.service.events;

import dev.weft.events.CloudEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Writes events on one channel and records what another channel reads, through the real broker. */
@ApplicationScoped
public class EventProbe {

    /** What the incoming channel saw: the record key, the content-type header and the decoded event. */
    public record Received(String key, String contentType, CloudEvent<?> event) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Inject
    @Channel("probe-out")
    Emitter<String> out;

    public CompletionStage<Void> send(CloudEvent<?> event) {
        Message<String> message = CloudEventMessages.toMessage(event);
        out.send(message);
        return message.ack();
    }

    @Incoming("probe-in")
    public CompletionStage<Void> receive(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        var header = metadata.getHeaders().lastHeader(CloudEventMessages.CONTENT_TYPE_HEADER);
        received.add(new Received(
                String.valueOf(metadata.getKey()),
                header == null ? null : new String(header.value(), StandardCharsets.UTF_8),
                CloudEventMessages.fromValue(message.getPayload())));
        return message.ack();
    }

    public List<Received> received() {
        return received;
    }
}
