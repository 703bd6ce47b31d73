package dev.weft.chaincode.testpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetHistoryForKey;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.QueryMetadata;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;
import org.hyperledger.fabric.protos.peer.QueryStateClose;
import org.hyperledger.fabric.protos.peer.QueryStateNext;

/**
 * The simulation of one transaction on the peer side: answers the shim's state requests from the committed world
 * state and buffers the writes. As on a real peer, reads see committed state only (not the transaction's own
 * writes), and nothing reaches the world state until the transaction completes successfully.
 */
final class Simulation {

    /** What the state database answers to a rich query: LevelDB, the Fabric default, has none. */
    static final String LEVELDB_RICH_QUERY_ERROR = "ExecuteQuery not supported for leveldb";

    private final String txId;
    private final Instant timestamp;
    private final String namespace;
    private final WorldState state;
    private final int batchSize;
    private final Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    private final Map<String, Deque<ByteString>> openQueries = new HashMap<>();
    private int nextQueryId;
    private boolean paginatedQueryPerformed;

    Simulation(String txId, Instant timestamp, String namespace, WorldState state, int batchSize) {
        this.txId = txId;
        this.timestamp = timestamp;
        this.namespace = namespace;
        this.state = state;
        this.batchSize = batchSize;
    }

    String txId() {
        return txId;
    }

    Instant timestamp() {
        return timestamp;
    }

    Map<String, Optional<byte[]>> writes() {
        return writes;
    }

    /** Answers one request of the chaincode with a RESPONSE or an ERROR message. */
    ChaincodeMessage answer(ChaincodeMessage request) {
        try {
            ByteString payload = switch (request.getType()) {
                case GET_STATE -> getState(GetState.parseFrom(request.getPayload()));
                case PUT_STATE -> putState(PutState.parseFrom(request.getPayload()));
                case DEL_STATE -> delState(DelState.parseFrom(request.getPayload()));
                case GET_STATE_BY_RANGE -> getStateByRange(GetStateByRange.parseFrom(request.getPayload()));
                case QUERY_STATE_NEXT -> next(QueryStateNext.parseFrom(request.getPayload()));
                case QUERY_STATE_CLOSE -> close(QueryStateClose.parseFrom(request.getPayload()));
                case GET_HISTORY_FOR_KEY -> history(GetHistoryForKey.parseFrom(request.getPayload()));
                case GET_QUERY_RESULT -> throw new RequestFailed(LEVELDB_RICH_QUERY_ERROR);
                default -> throw new RequestFailed("the test peer does not support " + request.getType());
            };
            return reply(request, ChaincodeMessage.Type.RESPONSE, payload);
        } catch (RequestFailed | InvalidProtocolBufferException e) {
            // The peer's handler wraps every failure the same way (core/chaincode/handler.go).
            String text = request.getType() + " failed: transaction ID: " + txId + ": " + e.getMessage();
            return reply(request, ChaincodeMessage.Type.ERROR, ByteString.copyFromUtf8(text));
        }
    }

    private ByteString getState(GetState request) {
        requirePublic(request.getCollection());
        return state.get(request.getKey()).map(ByteString::copyFrom).orElse(ByteString.EMPTY);
    }

    private ByteString putState(PutState request) {
        requirePublic(request.getCollection());
        requireWritable();
        requireKey(request.getKey());
        // An empty value is a delete in Fabric's read-write set.
        writes.put(
                request.getKey(),
                request.getValue().isEmpty()
                        ? Optional.empty()
                        : Optional.of(request.getValue().toByteArray()));
        return ByteString.EMPTY;
    }

    private ByteString delState(DelState request) {
        requirePublic(request.getCollection());
        requireWritable();
        requireKey(request.getKey());
        writes.put(request.getKey(), Optional.empty());
        return ByteString.EMPTY;
    }

    private ByteString getStateByRange(GetStateByRange request) throws InvalidProtocolBufferException {
        requirePublic(request.getCollection());
        List<Map.Entry<String, byte[]>> entries = state.range(request.getStartKey(), request.getEndKey());
        if (request.getMetadata().isEmpty()) {
            Deque<ByteString> results = new ArrayDeque<>(entries.size());
            entries.forEach(entry -> results.add(kv(entry.getKey(), entry.getValue())));
            return firstBatch(results);
        }
        if (!writes.isEmpty()) {
            throw new RequestFailed(
                    "txid [" + txId + "]: Paginated queries are supported only in a read-only" + " transaction");
        }
        paginatedQueryPerformed = true;
        QueryMetadata metadata = QueryMetadata.parseFrom(request.getMetadata());
        String start = metadata.getBookmark().isEmpty() ? request.getStartKey() : metadata.getBookmark();
        List<Map.Entry<String, byte[]>> fromStart = state.range(start, request.getEndKey());
        int pageSize = metadata.getPageSize() <= 0 ? fromStart.size() : metadata.getPageSize();
        List<Map.Entry<String, byte[]>> page = fromStart.subList(0, Math.min(pageSize, fromStart.size()));
        // Like LevelDB's scanner: the bookmark is the key after the page, or empty when nothing is left.
        String bookmark =
                fromStart.size() > page.size() ? fromStart.get(page.size()).getKey() : "";
        QueryResponse.Builder response = QueryResponse.newBuilder()
                .setHasMore(false)
                .setId(newQueryId())
                .setMetadata(QueryResponseMetadata.newBuilder()
                        .setFetchedRecordsCount(page.size())
                        .setBookmark(bookmark)
                        .build()
                        .toByteString());
        page.forEach(entry -> response.addResults(QueryResultBytes.newBuilder()
                .setResultBytes(kv(entry.getKey(), entry.getValue()))
                .build()));
        return response.build().toByteString();
    }

    private ByteString history(GetHistoryForKey request) {
        Deque<ByteString> results = new ArrayDeque<>();
        for (HistoryEntry entry : state.history(request.getKey())) {
            results.add(KeyModification.newBuilder()
                    .setTxId(entry.txId())
                    .setValue(ByteString.copyFrom(entry.value()))
                    .setIsDelete(entry.deleted())
                    .setTimestamp(Timestamp.newBuilder()
                            .setSeconds(entry.timestamp().getEpochSecond())
                            .setNanos(entry.timestamp().getNano()))
                    .build()
                    .toByteString());
        }
        return firstBatch(results);
    }

    private ByteString next(QueryStateNext request) {
        Deque<ByteString> results = openQueries.get(request.getId());
        if (results == null) {
            throw new RequestFailed("query iterator not found: " + request.getId());
        }
        return batch(request.getId(), results);
    }

    private ByteString close(QueryStateClose request) {
        openQueries.remove(request.getId());
        return QueryResponse.newBuilder()
                .setHasMore(false)
                .setId(request.getId())
                .build()
                .toByteString();
    }

    /** Non-paginated results travel in batches; the shim asks for the rest with QUERY_STATE_NEXT. */
    private ByteString firstBatch(Deque<ByteString> results) {
        String id = newQueryId();
        openQueries.put(id, results);
        return batch(id, results);
    }

    private ByteString batch(String id, Deque<ByteString> results) {
        List<QueryResultBytes> batch = new ArrayList<>();
        while (!results.isEmpty() && batch.size() < batchSize) {
            batch.add(
                    QueryResultBytes.newBuilder().setResultBytes(results.poll()).build());
        }
        boolean hasMore = !results.isEmpty();
        if (!hasMore) {
            openQueries.remove(id);
        }
        return QueryResponse.newBuilder()
                .addAllResults(batch)
                .setHasMore(hasMore)
                .setId(id)
                .build()
                .toByteString();
    }

    private ByteString kv(String key, byte[] value) {
        return KV.newBuilder()
                .setNamespace(namespace)
                .setKey(key)
                .setValue(ByteString.copyFrom(value))
                .build()
                .toByteString();
    }

    private String newQueryId() {
        return txId + "-q" + nextQueryId++;
    }

    private void requireWritable() {
        if (paginatedQueryPerformed) {
            throw new RequestFailed(
                    "txid [" + txId + "]: Transaction has already performed a paginated query. Writes are not allowed");
        }
    }

    private static void requirePublic(String collection) {
        if (!collection.isEmpty()) {
            throw new RequestFailed("the test peer does not support private data (collection " + collection + ")");
        }
    }

    private static void requireKey(String key) {
        if (key.isEmpty()) {
            throw new RequestFailed("key must not be an empty string");
        }
    }

    private static ChaincodeMessage reply(ChaincodeMessage request, ChaincodeMessage.Type type, ByteString payload) {
        return ChaincodeMessage.newBuilder()
                .setType(type)
                .setTxid(request.getTxid())
                .setChannelId(request.getChannelId())
                .setPayload(payload)
                .build();
    }

    /** A request the peer refuses; becomes an ERROR message to the chaincode. */
    private static final class RequestFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestFailed(String message) {
            super(message);
        }
    }
}
