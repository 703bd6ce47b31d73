package dev.weft.provisioner.messaging;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventFormatException;
import dev.weft.events.EventJson;
import dev.weft.events.NetworkFailed;
import dev.weft.events.ProvisionNetwork;
import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.workflow.NetworkBusyException;
import dev.weft.provisioner.workflow.NetworkEvents;
import dev.weft.provisioner.workflow.NetworkWorkers;
import dev.weft.provisioner.workflow.RuntimeUnavailableException;
import dev.weft.service.events.CloudEventMessages;
import dev.weft.service.events.SeenEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code ProvisionNetwork} commands from {@code weft.network.commands} (channel {@value #CHANNEL}) and
 * submits their spec, as {@code POST /api/v1/networks} does. A command that cannot be carried out (invalid spec,
 * name mismatch, no Fabric binaries) is answered with {@code NetworkFailed} at step {@value #SPEC_STEP}; redelivered
 * commands are skipped by event id, and a repeated spec is a no-op anyway.
 */
@ApplicationScoped
public class ProvisionCommandConsumer {

    /** The incoming channel, mapped to {@code weft.network.commands}. */
    public static final String CHANNEL = "network-commands";

    /** The step named in {@code NetworkFailed} when a command is rejected before the workflow starts. */
    public static final String SPEC_STEP = "spec";

    private static final Logger LOG = Logger.getLogger(ProvisionCommandConsumer.class);

    private final SeenEvents seen = new SeenEvents(1000);

    @Inject
    NetworkWorkers workers;

    @Inject
    NetworkEvents events;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        CloudEvent<?> event;
        try {
            event = CloudEventMessages.fromValue(value);
        } catch (EventFormatException e) {
            LOG.warnf("ignoring a record on weft.network.commands that is not a Weft command: %s", e.getMessage());
            return;
        }
        if (!(event.data() instanceof ProvisionNetwork command) || !seen.firstTime(event.id())) {
            return;
        }
        handle(command);
    }

    private void handle(ProvisionNetwork command) {
        try {
            NetworkSpec spec = NetworkSpecs.parseValid(EventJson.mapper().writeValueAsString(command.spec()));
            if (!command.network().equals(spec.name())) {
                reject(
                        command,
                        "the command is for network '" + command.network() + "' but the spec is named '" + spec.name()
                                + "'");
                return;
            }
            workers.submit(spec);
        } catch (InvalidSpecException e) {
            reject(command, e.getMessage());
        } catch (RuntimeUnavailableException | NetworkBusyException e) {
            reject(command, e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            reject(command, "the spec is not JSON: " + e.getOriginalMessage());
        }
    }

    private void reject(ProvisionNetwork command, String error) {
        LOG.warnf("network %s: command rejected: %s", command.network(), error);
        events.publish(new NetworkFailed(command.network(), SPEC_STEP, error, "send a corrected ProvisionNetwork"));
    }
}
