package dev.weft.lifecycle.messaging;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventData;
import dev.weft.lifecycle.workflow.ChaincodeEvents;
import dev.weft.service.events.CloudEventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes the workflow's events on {@code weft.chaincode}, keyed by chaincode name. */
@ApplicationScoped
public class KafkaChaincodeEvents implements ChaincodeEvents {

    /** The outgoing channel, mapped to topic {@code weft.chaincode} in {@code application.properties}. */
    public static final String CHANNEL = "chaincode-events";

    /** The CloudEvents {@code source} of this service. */
    public static final URI SOURCE = URI.create("/weft/lifecycle");

    private final Emitter<String> emitter;

    @Inject
    public KafkaChaincodeEvents(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void emit(EventData event) {
        emitter.send(CloudEventMessages.toMessage(CloudEvent.of(SOURCE, event)));
    }
}
