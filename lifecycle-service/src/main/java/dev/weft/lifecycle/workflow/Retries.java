package dev.weft.lifecycle.workflow;

import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries Fabric calls while a freshly started network settles (Raft leader election, gossip membership, a block
 * not yet on every peer); any other error surfaces at once, so a real failure is reported within its step.
 */
final class Retries {

    private Retries() {}

    static <T> T retry(Duration timeout, Predicate<RuntimeException> transientError, Supplier<T> call) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!transientError.test(e) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(Duration.ofMillis(250));
            }
        }
    }

    /** Unreachable or slow nodes, and discovery that does not know every peer yet. */
    static boolean isTransient(RuntimeException e) {
        if (e instanceof FabricAdminException fabric
                && (fabric.kind() == FabricAdminException.Kind.UNAVAILABLE
                        || fabric.kind() == FabricAdminException.Kind.TIMEOUT)) {
            return true;
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("no combination of peers")
                || text.contains("failed to select")
                || text.contains("no endorsement plan")
                || text.contains("no leader")
                || text.contains("raft leader")
                || text.contains("channel not found")
                || text.contains("cannot find channel")
                || text.contains("service_unavailable")
                || text.contains("failed to collect enough");
    }

    /** As {@link #isTransient}, plus a definition not yet committed on the endorsing peer. */
    static boolean isTransientInit(RuntimeException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("connection refused") || text.contains("could not launch")) {
            // the chaincode server is down: the peer already waited its dial timeout; report it
            return false;
        }
        return isTransient(e) || text.contains("not found") || text.contains("is not defined");
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
