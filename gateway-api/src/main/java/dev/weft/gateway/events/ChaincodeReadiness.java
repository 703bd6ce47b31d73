package dev.weft.gateway.events;

import dev.weft.events.ChaincodeReady;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventFormatException;
import dev.weft.gateway.config.GatewayConfig;
import dev.weft.service.events.CloudEventMessages;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Listens on {@code weft.chaincode} for the {@link ChaincodeReady} of the chaincode this gateway serves. */
@ApplicationScoped
public class ChaincodeReadiness {

    private static final Logger LOG = Logger.getLogger(ChaincodeReadiness.class);

    private final GatewayConfig config;
    private volatile ChaincodeReady ready;

    ChaincodeReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Incoming("chaincode-events")
    public void onChaincodeEvent(String value) {
        CloudEvent<?> event;
        try {
            event = CloudEventMessages.fromValue(value);
        } catch (EventFormatException e) {
            LOG.warnf("ignoring an unreadable record on weft.chaincode: %s", e.getMessage());
            return;
        }
        if (event.data() instanceof ChaincodeReady chaincodeReady
                && chaincodeReady.chaincode().equals(config.chaincode())
                && chaincodeReady.channel().equals(config.channel())) {
            LOG.infof(
                    "chaincode %s %s (sequence %d) is ready on %s",
                    chaincodeReady.chaincode(),
                    chaincodeReady.version(),
                    chaincodeReady.sequence(),
                    chaincodeReady.channel());
            ready = chaincodeReady;
        }
    }

    /** Whether a {@link ChaincodeReady} for this gateway's chaincode and channel arrived. */
    public boolean ready() {
        return ready != null;
    }
}
