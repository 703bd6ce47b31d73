package dev.weft.chaincode.marbles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The read-only functions. Query results keep marbles02's record shape, {@code [{"Key":"marble1","Record":{...}}]};
 * paginated ones wrap it in one valid JSON object, {@code {"records":[...],"fetchedRecordsCount":n,"bookmark":"..."}},
 * where marbles02 appended a second array to the first.
 */
final class MarbleQueries {

    private MarbleQueries() {}

    /** {@code readMarble(name)}: the stored marble JSON, byte for byte. */
    static byte[] readMarble(Ledger ledger, Arguments args) {
        String name = args.keyPart("name");
        return ledger.get(name)
                .orElseThrow(() -> new MarblesException(ErrorCode.MARBLE_NOT_FOUND, "Marble does not exist: " + name));
    }

    /** {@code getMarblesByRange(startKey, endKey)}: marbles with keys in [startKey, endKey); empty bounds are open. */
    static byte[] getMarblesByRange(Ledger ledger, Arguments args) {
        String start = args.rangeKey("startKey");
        String end = args.rangeKey("endKey");
        return MarbleJson.write(
                ledger.drain(() -> ledger.stub().getStateByRange(start, end), MarbleQueries::record).stream()
                        .collect(MarbleJson::array, ArrayNode::add, ArrayNode::addAll));
    }

    /** {@code getMarblesByRangeWithPagination(startKey, endKey, pageSize, bookmark)}. */
    static byte[] getMarblesByRangeWithPagination(Ledger ledger, Arguments args) {
        String start = args.rangeKey("startKey");
        String end = args.rangeKey("endKey");
        int pageSize = args.positiveInt("pageSize");
        String bookmark = args.raw("bookmark");
        return page(
                ledger,
                () -> ledger.stub().getStateByRangeWithPagination(start, end, pageSize, bookmark),
                ErrorCode.LEDGER_ERROR);
    }

    /**
     * {@code queryMarblesByOwner(owner)}: the owner's marbles, found through the {@code owner~name} index rather
     * than a CouchDB selector, so it also works on LevelDB.
     */
    static byte[] queryMarblesByOwner(Ledger ledger, Arguments args) {
        String owner = args.lowerCaseKeyPart("owner");
        List<String> names = ledger.drain(
                () -> ledger.stub().getStateByPartialCompositeKey(StateKeys.OWNER_NAME, owner),
                (KeyValue entry) -> ledger.stub()
                        .splitCompositeKey(entry.getKey())
                        .getAttributes()
                        .get(1));
        ArrayNode records = MarbleJson.array();
        for (String name : names) {
            Optional<byte[]> value = ledger.get(name);
            value.ifPresent(json -> records.add(record(name, json)));
        }
        return MarbleJson.write(records);
    }

    /** {@code queryMarbles(selector)}: a CouchDB rich query; refused with a clear error on LevelDB. */
    static byte[] queryMarbles(Ledger ledger, Arguments args) {
        String query = args.jsonObject("selector");
        return MarbleJson.write(ledger
                .drain(
                        () -> ledger.stub().getQueryResult(query),
                        MarbleQueries::record,
                        ErrorCode.RICH_QUERY_UNSUPPORTED)
                .stream()
                .collect(MarbleJson::array, ArrayNode::add, ArrayNode::addAll));
    }

    /** {@code queryMarblesWithPagination(selector, pageSize, bookmark)}. */
    static byte[] queryMarblesWithPagination(Ledger ledger, Arguments args) {
        String query = args.jsonObject("selector");
        int pageSize = args.positiveInt("pageSize");
        String bookmark = args.raw("bookmark");
        return page(
                ledger,
                () -> ledger.stub().getQueryResultWithPagination(query, pageSize, bookmark),
                ErrorCode.RICH_QUERY_UNSUPPORTED);
    }

    /**
     * {@code getHistoryForMarble(name)}: every committed change, newest first, as
     * {@code [{"TxId":"...","Value":{...} or null,"Timestamp":"2026-01-01T10:00:00.123Z","IsDelete":false}]}.
     * Timestamps are RFC 3339 and {@code IsDelete} is a JSON boolean (marbles02 wrote Go's time format and a
     * string).
     */
    static byte[] getHistoryForMarble(Ledger ledger, Arguments args) {
        String name = args.keyPart("name");
        List<ObjectNode> entries = ledger.drain(() -> ledger.stub().getHistoryForKey(name), MarbleQueries::history);
        ArrayNode array = MarbleJson.array();
        entries.forEach(array::add);
        return MarbleJson.write(array);
    }

    private static byte[] page(
            Ledger ledger, Supplier<QueryResultsIteratorWithMetadata<KeyValue>> open, ErrorCode onFailure) {
        ObjectNode result = ledger.call(
                () -> {
                    try (QueryResultsIteratorWithMetadata<KeyValue> iterator = open.get()) {
                        ObjectNode node = MarbleJson.object();
                        ArrayNode records = node.putArray("records");
                        for (KeyValue entry : iterator) {
                            records.add(record(entry));
                        }
                        node.put("fetchedRecordsCount", iterator.getMetadata().getFetchedRecordsCount());
                        node.put("bookmark", iterator.getMetadata().getBookmark());
                        return node;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw MarblesException.withCause(
                                ErrorCode.LEDGER_ERROR, "cannot close the query iterator: " + e.getMessage(), e);
                    }
                },
                onFailure);
        return MarbleJson.write(result);
    }

    private static ObjectNode record(KeyValue entry) {
        return record(entry.getKey(), entry.getValue());
    }

    private static ObjectNode record(String key, byte[] value) {
        ObjectNode node = MarbleJson.object();
        node.put("Key", key);
        node.set("Record", MarbleJson.embed(value));
        return node;
    }

    private static ObjectNode history(KeyModification modification) {
        ObjectNode node = MarbleJson.object();
        node.put("TxId", modification.getTxId());
        if (modification.isDeleted()) {
            node.putNull("Value");
        } else {
            node.set("Value", MarbleJson.embed(modification.getValue()));
        }
        node.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(modification.getTimestamp()));
        node.put("IsDelete", modification.isDeleted());
        return node;
    }
}
