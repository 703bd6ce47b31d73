package dev.weft.lifecycle.messaging;

import dev.weft.events.CloudEvent;
import dev.weft.events.DeployChaincode;
import dev.weft.events.EventFormatException;
import dev.weft.events.NetworkReady;
import dev.weft.lifecycle.config.LifecycleConfig;
import dev.weft.lifecycle.service.DeploymentService;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecReader;
import dev.weft.lifecycle.spec.InvalidSpecException;
import dev.weft.service.events.CloudEventMessages;
import dev.weft.service.events.SeenEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Kafka input: {@code NetworkReady} on {@code weft.network} (deploys the chaincodes configured for new networks and
 * those waiting for it) and {@code DeployChaincode} on {@code weft.chaincode.commands}.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** Incoming channel of {@code weft.network}. */
    public static final String NETWORK_EVENTS = "network-events";
    /** Incoming channel of {@code weft.chaincode.commands}. */
    public static final String CHAINCODE_COMMANDS = "chaincode-commands";

    private static final Logger LOG = Logger.getLogger(LifecycleConsumers.class);

    private final DeploymentService service;
    private final AutoDeploySpecs autoDeploy;
    private final SeenEvents seen = new SeenEvents(10_000);

    @Inject
    public LifecycleConsumers(DeploymentService service, LifecycleConfig config) {
        this.service = service;
        this.autoDeploy = new AutoDeploySpecs(config);
    }

    @Incoming(NETWORK_EVENTS)
    @Blocking
    public void onNetworkEvent(String value) {
        CloudEvent<?> event = read(value);
        if (event == null || !seen.firstTime(event.id())) {
            return;
        }
        if (event.data() instanceof NetworkReady ready) {
            LOG.infof(
                    "network %s is ready (%d organizations)",
                    ready.network(), ready.organizations().size());
            List<ChaincodeSpec> automatic = autoDeploy.forNetwork(ready);
            service.onNetworkReady(ready, automatic);
        }
    }

    @Incoming(CHAINCODE_COMMANDS)
    @Blocking
    public void onCommand(String value) {
        CloudEvent<?> event = read(value);
        if (event == null || !seen.firstTime(event.id())) {
            return;
        }
        if (event.data() instanceof DeployChaincode command) {
            try {
                com.fasterxml.jackson.databind.JsonNode json = command.spec();
                if (json.isObject() && !json.hasNonNull("network")) {
                    // the command's network fills a spec that leaves it out
                    json = ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy())
                            .put("network", command.network());
                }
                service.submit(ChaincodeSpecReader.read(json));
            } catch (InvalidSpecException e) {
                LOG.warnf("DeployChaincode %s rejected: %s", command.chaincode(), e.getMessage());
            } catch (Exception e) {
                LOG.warnf("DeployChaincode %s has an unreadable spec: %s", command.chaincode(), e.getMessage());
            }
        }
    }

    private static CloudEvent<?> read(String value) {
        try {
            return CloudEventMessages.fromValue(value);
        } catch (EventFormatException e) {
            LOG.warnf("ignoring a record that is not a Weft event: %s", e.getMessage());
            return null;
        }
    }
}
