package dev.weft.gateway.marbles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Remembers the outcome of each write by its {@code Idempotency-Key}, so a retried request gets the first answer
 * instead of a second transaction. A request arriving while the first is still running waits for it.
 *
 * <p>Outcomes that prove nothing reached the orderer (no peer answered, endorsement refused, a timeout before
 * submit) are forgotten, so the retry runs again; everything else — success, chaincode refusals, invalidated
 * transactions and unknown commit status — is replayed. Kept in memory per gateway instance, bounded and expiring.
 *
 * <pre>{@code
 * Submitted<Marble> result = store.run("key-1", "initMarble|marble1|blue|35|tom", () -> ledger.submit(...));
 * }</pre>
 */
public final class IdempotencyStore {

    // Not "Entry": inside the LinkedHashMap subclass below that simple name means Map.Entry on newer javac.
    private record Remembered(String fingerprint, Instant created, CompletableFuture<Object> outcome) {}

    private final Map<String, Remembered> entries;
    private final Duration ttl;
    private final Clock clock;

    public IdempotencyStore(int capacity, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Runs {@code operation} once per key; later calls with the key get the same result or exception.
     *
     * @param key the caller's idempotency key; {@code null} runs the operation without remembering it
     * @param fingerprint what the request was; the same key with another fingerprint is refused
     */
    @SuppressWarnings("unchecked")
    public <T> T run(String key, String fingerprint, Supplier<T> operation) {
        if (key == null) {
            return operation.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Remembered entry;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry != null && entry.created().plus(ttl).isBefore(clock.instant())) {
                entries.remove(key);
                entry = null;
            }
            if (entry == null) {
                entries.put(key, new Remembered(fingerprint, clock.instant(), mine));
            }
        }
        if (entry != null) {
            if (!entry.fingerprint().equals(fingerprint)) {
                throw new MarblesException(new MarblesError.IdempotencyKeyReused(
                        "Idempotency-Key '" + key + "' was used for a different request"));
            }
            try {
                return (T) entry.outcome().join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
        try {
            T result = operation.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            if (!replayable(e)) {
                synchronized (entries) {
                    entries.remove(key);
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static boolean replayable(RuntimeException e) {
        if (!(e instanceof MarblesException marbles)) {
            return false;
        }
        MarblesError error = marbles.error();
        return switch (error.kind()) {
            case UNAVAILABLE, ENDORSEMENT_FAILED, IDEMPOTENCY_KEY_REUSED -> false;
            case TIMEOUT -> error.transactionId() != null;
            default -> true;
        };
    }
}
