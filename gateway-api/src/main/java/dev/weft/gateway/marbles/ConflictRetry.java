package dev.weft.gateway.marbles;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Repeats an operation that lost an MVCC read conflict, a bounded number of times with "full jitter" exponential
 * backoff, so concurrent writers of the same marble spread out instead of colliding again. Only for operations
 * that may safely run again: a conflict means the transaction was invalidated and changed nothing.
 *
 * <pre>{@code
 * ConflictRetry retry = new ConflictRetry(3, Duration.ofMillis(50), Duration.ofSeconds(1));
 * Submitted<Marble> moved = retry.run(() -> transferOnce(name, owner));
 * }</pre>
 */
public final class ConflictRetry {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public ConflictRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Runs {@code operation}, again after a read conflict, at most {@code maxAttempts} times in all. */
    public <T> T run(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (MarblesException e) {
                if (e.error().kind() != MarblesError.Kind.READ_CONFLICT || attempt >= maxAttempts) {
                    throw e;
                }
                sleep(backoff(attempt));
            }
        }
    }

    /** A random wait in [0, min(max, initial * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarblesException(new MarblesError.Unavailable("interrupted while waiting to retry"), e);
        }
    }
}
