package dev.weft.service.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of the last events a consumer handled, so a redelivered event (delivery is at least once) is
 * recognised and skipped.
 *
 * <p>Bounded: the oldest ids are forgotten first. A consumer whose handling is not idempotent on its own must also
 * keep its progress durably (its status store); this only removes the cheap, common duplicates after a rebalance.
 */
public final class SeenEvents {

    private final Map<String, Boolean> ids;

    /** Keeps at most {@code capacity} ids. */
    public SeenEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the id; {@code true} when it is new, {@code false} when it was seen before. */
    public synchronized boolean firstTime(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }
}
