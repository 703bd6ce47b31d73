package dev.weft.provisioner.messaging;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventData;
import dev.weft.provisioner.workflow.NetworkEvents;
import dev.weft.service.events.CloudEventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes the workflow's events to {@code weft.network} (channel {@value #CHANNEL}), keyed by network name. */
@ApplicationScoped
public class KafkaNetworkEvents implements NetworkEvents {

    /** The outgoing channel, mapped to the {@code weft.network} topic in {@code application.properties}. */
    public static final String CHANNEL = "network-events";

    /** The CloudEvents {@code source} of everything the provisioner publishes. */
    public static final URI SOURCE = URI.create("/weft/provisioner");

    @Inject
    @Channel(CHANNEL)
    Emitter<String> emitter;

    @Override
    public void publish(EventData event) {
        emitter.send(CloudEventMessages.toMessage(CloudEvent.of(SOURCE, event)));
    }
}
