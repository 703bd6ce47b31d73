package dev.weft.gateway.health;

import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.events.ChaincodeEventPump;
import dev.weft.gateway.events.ChaincodeReadiness;
import dev.weft.gateway.fabric.FabricConnection;
import dev.weft.gateway.fabric.LedgerClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a peer answers and the chaincode is committed: a {@code ChaincodeReady} event arrived, or the peer's
 * {@code _lifecycle} knows the definition. The peer is asked at most every few seconds.
 */
@Readiness
@ApplicationScoped
public class FabricReadinessCheck implements HealthCheck {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final FabricConnection connection;
    private final LedgerClient ledger;
    private final ChaincodeReadiness chaincodeReadiness;
    private final ChaincodeEventPump events;
    private final GatewayConfig config;

    private volatile Optional<Boolean> committed = Optional.empty();
    private volatile Instant askedAt = Instant.EPOCH;

    FabricReadinessCheck(
            FabricConnection connection,
            LedgerClient ledger,
            ChaincodeReadiness chaincodeReadiness,
            ChaincodeEventPump events,
            GatewayConfig config) {
        this.connection = connection;
        this.ledger = ledger;
        this.chaincodeReadiness = chaincodeReadiness;
        this.events = events;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("fabric")
                .withData("channel", config.channel())
                .withData("chaincode", config.chaincode());
        if (!connection.configured()) {
            return response.down()
                    .withData("reason", "no peer or identity configured (weft.gateway.peers, weft.gateway.identity)")
                    .build();
        }
        Optional<Boolean> peerSays = peerSaysCommitted();
        boolean reachable = peerSays.isPresent();
        boolean chaincodeReady = chaincodeReadiness.ready() || peerSays.orElse(false);
        response.withData("peer", reachable ? connection.activeAddress() : "unreachable")
                .withData("chaincodeReadyEvent", chaincodeReadiness.ready())
                .withData("chaincodeCommitted", peerSays.map(String::valueOf).orElse("unknown"))
                .withData("eventStream", events.streaming() ? "open" : "closed");
        return response.status(reachable && chaincodeReady).build();
    }

    private Optional<Boolean> peerSaysCommitted() {
        Instant now = Instant.now();
        if (askedAt.plus(CACHE).isBefore(now)) {
            committed = ledger.chaincodeCommitted();
            askedAt = now;
        }
        return committed;
    }
}
