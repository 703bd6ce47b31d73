package dev.weft.gateway.events;

import dev.weft.events.CloudEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fans published marbles events out to live subscribers (the SSE stream and the gRPC stream). Subscribers see what
 * is published from the moment they subscribe; history is on Kafka.
 */
@ApplicationScoped
public class MarbleEventBroadcaster {

    private final BroadcastProcessor<CloudEvent<?>> processor = BroadcastProcessor.create();

    /** Hands an event, already acknowledged by Kafka, to every live subscriber. */
    public void emit(CloudEvent<?> event) {
        processor.onNext(event);
    }

    /** The live events; a slow subscriber drops the oldest events it has not taken. */
    public Multi<CloudEvent<?>> events() {
        return processor.onOverflow().buffer(1024);
    }
}
