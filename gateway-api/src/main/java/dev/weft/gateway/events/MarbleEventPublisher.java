package dev.weft.gateway.events;

import dev.weft.events.CloudEvent;
import dev.weft.service.events.CloudEventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends marbles CloudEvents to {@code weft.marbles.events}, keyed by marble name. The returned stage completes when
 * the broker acknowledged the record ({@code acks=all}), and fails when the connector gave up on it.
 */
@ApplicationScoped
public class MarbleEventPublisher {

    @Inject
    @Channel("marbles-events")
    Emitter<String> emitter;

    public CompletionStage<Void> publish(CloudEvent<?> event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = CloudEventMessages.toMessage(event)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
