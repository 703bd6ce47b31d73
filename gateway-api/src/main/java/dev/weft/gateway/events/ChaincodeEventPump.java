package dev.weft.gateway.events;

import dev.weft.events.CloudEvent;
import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.fabric.FabricConnection;
import io.grpc.Status;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.jboss.logging.Logger;

/**
 * Moves the marbles chaincode's events from the peer to Kafka (and on to the live SSE/gRPC subscribers), at least
 * once and in ledger order, surviving restarts of the gateway, the broker and the peer.
 *
 * <p>One loop on its own thread: open the peer's event stream at the checkpointed block, skip what was published
 * before, publish each CloudEvent and wait for the broker's acknowledgement, then move the checkpoint past it. Any
 * failure (the peer's stream ends — the client does not reopen it by itself —, Kafka refuses an event) closes the
 * stream and reopens it from the checkpoint after a growing pause. While the broker is down the pump waits for the
 * event it sent rather than sending it again: the producer keeps an unacknowledged record and delivers it once the
 * broker is back, so a second send would publish it twice. Only an event the producer gave up on is sent again;
 * should the broker have stored it all the same, the copy has the same id, which consumers dedupe on.
 */
@ApplicationScoped
public class ChaincodeEventPump {

    private static final Logger LOG = Logger.getLogger(ChaincodeEventPump.class);

    private final GatewayConfig config;
    private final FabricConnection connection;
    private final MarbleEventPublisher publisher;
    private final MarbleEventBroadcaster broadcaster;
    private final FileCheckpointStore checkpoints;

    private volatile boolean running;
    private volatile boolean streaming;
    private volatile CloseableIterator<ChaincodeEvent> current;
    private Thread thread;

    ChaincodeEventPump(
            GatewayConfig config,
            FabricConnection connection,
            MarbleEventPublisher publisher,
            MarbleEventBroadcaster broadcaster) {
        this.config = config;
        this.connection = connection;
        this.publisher = publisher;
        this.broadcaster = broadcaster;
        this.checkpoints = new FileCheckpointStore(config.events().checkpointFile());
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.events().enabled()) {
            LOG.info("the chaincode event listener is disabled (weft.gateway.events.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "marbles-event-pump");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        CloseableIterator<ChaincodeEvent> iterator = current;
        if (iterator != null) {
            iterator.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the peer's event stream is open right now. */
    public boolean streaming() {
        return streaming;
    }

    private void loop() {
        Duration backoff = config.events().reconnectBackoff();
        while (running) {
            try {
                if (!connection.configured()) {
                    pause(config.events().maxReconnectBackoff());
                    continue;
                }
                if (pump()) {
                    backoff = config.events().reconnectBackoff();
                }
            } catch (RuntimeException | ExecutionException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("chaincode event stream interrupted (%s); reopening from the checkpoint in %s", e, backoff);
                if (e instanceof GatewayRuntimeException gateway
                        && gateway.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                    // The peer is gone: the next attempt goes to the org's other endpoint.
                    connection.rotate();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                streaming = false;
            }
            pause(backoff);
            backoff = min(backoff.multipliedBy(2), config.events().maxReconnectBackoff());
        }
    }

    /** One stream, until it fails; true when it delivered at least one event (the connection was healthy). */
    private boolean pump() throws ExecutionException, InterruptedException {
        ResumePosition resume = new ResumePosition(checkpoints.read());
        boolean delivered = false;
        try (CloseableIterator<ChaincodeEvent> events = connection
                .network()
                .newChaincodeEventsRequest(config.chaincode())
                .startBlock(resume.startBlock())
                .build()
                .getEvents()) {
            current = events;
            streaming = true;
            LOG.infof("listening to %s events from block %d", config.chaincode(), resume.startBlock());
            while (running && events.hasNext()) {
                ChaincodeEvent event = events.next();
                delivered = true;
                publish(resume, event);
            }
        } finally {
            current = null;
        }
        return delivered;
    }

    private void publish(ResumePosition resume, ChaincodeEvent event) throws ExecutionException, InterruptedException {
        LedgerEvent ledgerEvent = new LedgerEvent(
                event.getBlockNumber(), event.getTransactionId(), event.getEventName(), event.getPayload());
        List<CloudEvent<?>> cloudEvents =
                MarbleEventMapper.map(ledgerEvent, Clock.systemUTC().instant());
        for (int index = 0; index < cloudEvents.size(); index++) {
            if (resume.alreadyPublished(ledgerEvent.blockNumber(), ledgerEvent.transactionId(), index)) {
                continue;
            }
            CloudEvent<?> cloudEvent = cloudEvents.get(index);
            awaitAck(cloudEvent, publisher.publish(cloudEvent).toCompletableFuture());
            LOG.debugf("published %s (%s) for %s", cloudEvent.id(), cloudEvent.type(), cloudEvent.subject());
            checkpoints.write(new EventCheckpoint(ledgerEvent.blockNumber(), ledgerEvent.transactionId(), index));
            broadcaster.emit(cloudEvent);
        }
        resume.transactionDone(ledgerEvent.blockNumber(), ledgerEvent.transactionId());
    }

    /**
     * Waits for the broker's answer to one event for as long as it takes, saying so every publish-timeout. Giving up
     * and sending it again would not cancel the first send (see the class comment). A refusal (the producer gave up
     * after its {@code delivery.timeout.ms}) ends the wait with an {@link ExecutionException}.
     */
    private void awaitAck(CloudEvent<?> event, CompletableFuture<Void> acked)
            throws ExecutionException, InterruptedException {
        Duration wait = config.events().publishTimeout();
        while (true) {
            try {
                acked.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException notYet) {
                if (!running) {
                    throw new InterruptedException("stopping while " + event.id() + " waits for Kafka");
                }
                LOG.warnf(
                        "Kafka has not acknowledged %s after %s (is the broker down?); still waiting",
                        event.id(), wait);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
