package dev.weft.chaincode.testpeer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed world state of one chaincode namespace: keys ordered as the peer's state database orders them (UTF-8
 * byte order, so composite keys, which start with {@code U+0000}, sort before every simple key), plus the history of
 * every key. Writes arrive only as whole transactions through {@link #commit}, so a reader never sees half a
 * transaction.
 *
 * <pre>{@code
 * WorldState state = new WorldState();
 * state.commit("tx1", Instant.now(), Map.of("marble1", Optional.of(json)));
 * Optional<byte[]> value = state.get("marble1");
 * List<HistoryEntry> history = state.history("marble1"); // newest first, as Fabric 2.x returns it
 * }</pre>
 */
public final class WorldState {

    private final NavigableMap<String, byte[]> entries = new TreeMap<>(KeyOrder.INSTANCE);
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();

    /** The committed value of a key, if present. */
    public synchronized Optional<byte[]> get(String key) {
        byte[] value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** The committed value of a key as UTF-8 text, if present. */
    public Optional<String> getUtf8(String key) {
        return get(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * A snapshot of the entries from {@code startKey} (inclusive) to {@code endKey} (exclusive) in key order; an empty
     * {@code endKey} means "no upper bound", as in the chaincode protocol.
     */
    public synchronized List<Map.Entry<String, byte[]>> range(String startKey, String endKey) {
        NavigableMap<String, byte[]> view =
                endKey.isEmpty() ? entries.tailMap(startKey, true) : entries.subMap(startKey, true, endKey, false);
        List<Map.Entry<String, byte[]>> snapshot = new ArrayList<>(view.size());
        view.forEach((key, value) -> snapshot.add(Map.entry(key, value.clone())));
        return snapshot;
    }

    /** Every committed key, in state-database order (composite keys first). */
    public synchronized List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** The number of committed keys. */
    public synchronized int size() {
        return entries.size();
    }

    /** The history of a key, newest first (Fabric 2.x returns history in reverse chronological order). */
    public synchronized List<HistoryEntry> history(String key) {
        List<HistoryEntry> entriesOfKey = history.getOrDefault(key, List.of());
        List<HistoryEntry> newestFirst = new ArrayList<>(entriesOfKey);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Applies the writes of one transaction atomically. An empty value in {@code writes} deletes the key.
     *
     * @param txId the transaction id recorded in the history
     * @param timestamp the transaction timestamp recorded in the history
     * @param writes key to new value (or empty for a delete), in write order
     */
    public synchronized void commit(String txId, Instant timestamp, Map<String, Optional<byte[]>> writes) {
        Map<String, Optional<byte[]>> copy = new LinkedHashMap<>(writes);
        copy.forEach((key, value) -> {
            if (value.isPresent()) {
                entries.put(key, value.get().clone());
            } else {
                entries.remove(key);
            }
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new HistoryEntry(txId, value.orElse(null), timestamp, value.isEmpty()));
        });
    }
}
