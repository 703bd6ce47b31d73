package dev.weft.chaincode.marbles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.weft.chaincode.testpeer.HistoryEntry;
import dev.weft.chaincode.testpeer.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} over a real, ordered in-memory world state (the test peer's {@link WorldState}): it stores
 * state, range-scans, keeps history and commits a transaction's writes only when the response is a success. Reads
 * see committed state only, as on a peer. Rich queries are answered by a small CouchDB stand-in (top-level equality
 * selectors) or refused as LevelDB would refuse them.
 */
final class InMemoryStub implements ChaincodeStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";
    private static final AtomicInteger TX_COUNTER = new AtomicInteger();

    private final WorldState state;
    private final boolean couchDb;
    private List<String> args = List.of();
    private String txId = "";
    private Instant timestamp = Instant.EPOCH;
    private Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    private ChaincodeEvent event;

    private InMemoryStub(WorldState state, boolean couchDb) {
        this.state = state;
        this.couchDb = couchDb;
    }

    /** A stub whose state database answers rich queries (CouchDB). */
    static InMemoryStub couchDb() {
        return new InMemoryStub(new WorldState(), true);
    }

    /** A stub whose state database refuses rich queries (LevelDB). */
    static InMemoryStub levelDb() {
        return new InMemoryStub(new WorldState(), false);
    }

    /** The outcome of one call: the response, the event it set and the writes it attempted. */
    record Call(Chaincode.Response response, Optional<ChaincodeEvent> event, Map<String, Optional<byte[]>> writes) {
        boolean ok() {
            return response.getStatus().getCode() < 400;
        }

        String payload() {
            return response.getPayload() == null ? "" : new String(response.getPayload(), StandardCharsets.UTF_8);
        }

        String message() {
            return response.getMessage();
        }

        String eventName() {
            return event.map(ChaincodeEvent::getEventName).orElse("");
        }

        String eventPayload() {
            return event.map(e -> e.getPayload().toStringUtf8()).orElse("");
        }
    }

    /** Runs one transaction through {@code chaincode}; commits its writes if it succeeded. */
    Call call(MarblesChaincode chaincode, String function, String... arguments) {
        List<String> all = new ArrayList<>();
        all.add(function);
        all.addAll(List.of(arguments));
        args = List.copyOf(all);
        txId = "tx" + TX_COUNTER.incrementAndGet();
        timestamp = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(TX_COUNTER.get());
        writes = new LinkedHashMap<>();
        event = null;
        Chaincode.Response response = chaincode.invoke(this);
        Call call = new Call(response, Optional.ofNullable(event), Map.copyOf(writes));
        if (call.ok()) {
            state.commit(txId, timestamp, writes);
        }
        return call;
    }

    WorldState state() {
        return state;
    }

    Instant lastTimestamp() {
        return timestamp;
    }

    @Override
    public List<byte[]> getArgs() {
        return args.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return args;
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return "mychannel";
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getState(String key) {
        return state.get(key).orElse(new byte[0]);
    }

    @Override
    public void putState(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        writes.put(key, value.length == 0 ? Optional.empty() : Optional.of(value.clone()));
    }

    @Override
    public void delState(String key) {
        writes.put(key, Optional.empty());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startKey == null || startKey.isEmpty() ? "\u0001" : startKey;
        CompositeKey.validateSimpleKeys(start, endKey);
        return iterator(keyValues(state.range(start, endKey == null ? "" : endKey)), null);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? "\u0001" : startKey;
        CompositeKey.validateSimpleKeys(start, endKey);
        if (!writes.isEmpty()) {
            throw new ContractRuntimeException("Paginated queries are supported only in a read-only transaction");
        }
        List<KeyValue> all = keyValues(state.range(bookmark.isEmpty() ? start : bookmark, endKey));
        return page(all, pageSize);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        return partial(
                compositeKey.startsWith(CompositeKey.NAMESPACE)
                        ? compositeKey
                        : new CompositeKey(compositeKey).toString());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return partial(new CompositeKey(objectType, attributes).toString());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        return partial(compositeKey.toString());
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        throw new UnsupportedOperationException("not used by marbles");
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        return iterator(richQuery(query), null);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        List<KeyValue> all = richQuery(query);
        int from = 0;
        if (!bookmark.isEmpty()) {
            while (from < all.size() && !all.get(from).getKey().equals(bookmark)) {
                from++;
            }
        }
        return page(all.subList(from, all.size()), pageSize);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        List<KeyModification> history = new ArrayList<>();
        for (HistoryEntry entry : state.history(key)) {
            history.add(new Modification(entry));
        }
        return iterator(history, null);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        event = ChaincodeEvent.newBuilder()
                .setEventName(name)
                .setPayload(ByteString.copyFrom(payload))
                .build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    private QueryResultsIterator<KeyValue> partial(String prefix) {
        return iterator(keyValues(state.range(prefix, prefix + MAX_UNICODE_RUNE)), null);
    }

    /** Top-level equality selectors over the JSON documents, in key order; LevelDB refuses like the peer. */
    private List<KeyValue> richQuery(String query) {
        if (!couchDb) {
            throw new ContractRuntimeException("[" + txId + "]Unsuccessful response received.");
        }
        JsonNode selector;
        try {
            selector = JSON.readTree(query).path("selector");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<KeyValue> matches = new ArrayList<>();
        for (KeyValue entry : keyValues(state.range("\u0001", ""))) {
            try {
                JsonNode document = JSON.readTree(entry.getValue());
                boolean match = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    match &= field.getValue().equals(document.get(field.getKey()));
                }
                if (match) {
                    matches.add(entry);
                }
            } catch (IOException e) {
                // not a JSON document: CouchDB would not index it either
            }
        }
        return matches;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(List<KeyValue> all, int pageSize) {
        List<KeyValue> page = all.subList(0, Math.min(pageSize, all.size()));
        String bookmark = all.size() > page.size() ? all.get(page.size()).getKey() : "";
        return iterator(
                List.copyOf(page),
                QueryResponseMetadata.newBuilder()
                        .setFetchedRecordsCount(page.size())
                        .setBookmark(bookmark)
                        .build());
    }

    private static List<KeyValue> keyValues(List<Map.Entry<String, byte[]>> entries) {
        List<KeyValue> values = new ArrayList<>(entries.size());
        entries.forEach(entry -> values.add(new Entry(entry.getKey(), entry.getValue())));
        return values;
    }

    private static <T> Results<T> iterator(List<T> items, QueryResponseMetadata metadata) {
        return new Results<>(items, metadata);
    }

    private record Results<T>(List<T> items, QueryResponseMetadata metadata)
            implements QueryResultsIterator<T>, QueryResultsIteratorWithMetadata<T> {
        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public void close() {}
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private record Modification(HistoryEntry entry) implements KeyModification {
        @Override
        public String getTxId() {
            return entry.txId();
        }

        @Override
        public byte[] getValue() {
            return entry.value();
        }

        @Override
        public String getStringValue() {
            return entry.valueUtf8();
        }

        @Override
        public Instant getTimestamp() {
            return entry.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return entry.deleted();
        }
    }

    // ---- not used by the marbles chaincode ----

    @Override
    public org.hyperledger.fabric.shim.Chaincode.Response invokeChaincode(
            String chaincodeName, List<byte[]> args, String channel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getCreator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getMspId() {
        return "Org1MSP";
    }
}
