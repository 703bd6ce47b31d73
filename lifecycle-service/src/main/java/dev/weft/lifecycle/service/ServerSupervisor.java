package dev.weft.lifecycle.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the local chaincode servers of ready chaincodes running: every {@code interval} it asks the deployment
 * service to start again what stopped. This is what a Kubernetes Deployment does for its pods; without it a killed
 * server process would leave its organization unable to endorse until someone re-submitted the chaincode.
 *
 * <pre>{@code
 * try (ServerSupervisor supervisor = new ServerSupervisor(service, Duration.ofSeconds(5))) {
 *     supervisor.start();
 * }
 * }</pre>
 */
public final class ServerSupervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerSupervisor.class);

    private final DeploymentService service;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifecycle-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param interval how often to check; zero or negative never checks
     */
    public ServerSupervisor(DeploymentService service, Duration interval) {
        this.service = service;
        this.interval = interval;
    }

    /** Starts the periodic check (no-op when the interval is zero). */
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            service.reviveStoppedServers();
        } catch (RuntimeException e) {
            // A failed check must not end the schedule: the next one may succeed (e.g. a status file being written).
            LOG.warnf("checking the chaincode servers failed: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
