package dev.weft.gateway.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The marbles chaincode's behaviour, in memory, with its response shapes, error messages and events (see
 * chaincode-marbles): enough for a fake peer. Runs a function against the current state and returns the payload,
 * the event and the change to apply when (if) the transaction commits.
 */
final class FakeMarblesLedger {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal, formatted as the chaincode formats it: {@code CODE: message}. */
    static final class ChaincodeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChaincodeError(String code, String message) {
            super(code + ": " + message);
        }
    }

    /** What a function produced. {@code apply} changes the state; it runs only for committed transactions. */
    record Outcome(byte[] payload, String eventName, byte[] eventPayload, Runnable apply) {}

    private final NavigableMap<String, ObjectNode> marbles = new TreeMap<>();
    /** Whether the peer's state database is CouchDB: selector queries work (top-level equality only). */
    volatile boolean couchDb;

    private final Map<String, List<ObjectNode>> history = new HashMap<>();

    synchronized Outcome run(String function, List<String> args, String txId) {
        return switch (function) {
            case "initMarble" -> initMarble(args, txId);
            case "readMarble" -> read(args);
            case "delete" -> delete(args, txId);
            case "transferMarble" -> transfer(args, txId);
            case "transferMarblesBasedOnColor" -> transferByColor(args, txId);
            case "getMarblesByRange" -> range(args);
            case "getMarblesByRangeWithPagination" -> rangePaged(args);
            case "queryMarblesByOwner" -> byOwner(args);
            case "queryMarbles", "queryMarblesWithPagination" -> {
                if (!couchDb) {
                    throw new ChaincodeError(
                            "RICH_QUERY_UNSUPPORTED",
                            "rich queries need CouchDB; this peer's state database is LevelDB");
                }
                yield function.equals("queryMarbles") ? query(args) : queryPaged(args);
            }
            case "getHistoryForMarble" -> history(args);
            default ->
                throw new ChaincodeError(
                        "UNKNOWN_FUNCTION", "Received unknown function invocation: '" + function + "'");
        };
    }

    private Outcome initMarble(List<String> args, String txId) {
        count(args, 4, "initMarble");
        String name = args.get(0);
        if (marbles.containsKey(name)) {
            throw new ChaincodeError("MARBLE_ALREADY_EXISTS", "This marble already exists: " + name);
        }
        int size;
        try {
            size = Integer.parseInt(args.get(2));
        } catch (NumberFormatException e) {
            throw new ChaincodeError("INVALID_ARGUMENT", "size must be a numeric string (a whole number)");
        }
        ObjectNode marble = marble(
                name, args.get(1).toLowerCase(Locale.ROOT), size, args.get(3).toLowerCase(Locale.ROOT));
        return new Outcome(bytes(marble), "MarbleCreated", bytes(marble), () -> put(marble, txId));
    }

    private Outcome read(List<String> args) {
        count(args, 1, "readMarble");
        return new Outcome(bytes(existing(args.get(0))), null, null, () -> {});
    }

    private Outcome delete(List<String> args, String txId) {
        count(args, 1, "delete");
        ObjectNode marble = existing(args.get(0));
        return new Outcome(bytes(marble), "MarbleDeleted", bytes(marble), () -> {
            marbles.remove(marble.get("name").asText());
            record(marble.get("name").asText(), txId, null);
        });
    }

    private Outcome transfer(List<String> args, String txId) {
        count(args, 2, "transferMarble");
        ObjectNode before = existing(args.get(0));
        ObjectNode after = before.deepCopy().put("owner", args.get(1).toLowerCase(Locale.ROOT));
        ObjectNode event =
                after.deepCopy().put("previousOwner", before.get("owner").asText());
        return new Outcome(bytes(after), "MarbleTransferred", bytes(event), () -> put(after, txId));
    }

    private Outcome transferByColor(List<String> args, String txId) {
        count(args, 2, "transferMarblesBasedOnColor");
        String color = args.get(0).toLowerCase(Locale.ROOT);
        String owner = args.get(1).toLowerCase(Locale.ROOT);
        List<ObjectNode> moved = new ArrayList<>();
        ObjectNode event = JSON.createObjectNode().put("color", color).put("owner", owner);
        ArrayNode list = event.putArray("marbles");
        for (ObjectNode marble : marbles.values()) {
            if (marble.get("color").asText().equals(color)) {
                ObjectNode after = marble.deepCopy().put("owner", owner);
                moved.add(after);
                list.add(after.deepCopy()
                        .put("previousOwner", marble.get("owner").asText()));
            }
        }
        event.put("count", moved.size());
        String summary = "Transferred " + moved.size() + " " + color + " marbles to " + owner;
        return new Outcome(
                summary.getBytes(StandardCharsets.UTF_8),
                moved.isEmpty() ? null : "MarblesTransferred",
                bytes(event),
                () -> moved.forEach(m -> put(m, txId)));
    }

    private Outcome range(List<String> args) {
        count(args, 2, "getMarblesByRange");
        return new Outcome(bytes(records(slice(args.get(0), args.get(1)))), null, null, () -> {});
    }

    private Outcome rangePaged(List<String> args) {
        count(args, 4, "getMarblesByRangeWithPagination");
        int pageSize = Integer.parseInt(args.get(2));
        String bookmark = args.get(3);
        List<ObjectNode> all = slice(bookmark.isEmpty() ? args.get(0) : bookmark, args.get(1));
        return page(all, pageSize);
    }

    private Outcome byOwner(List<String> args) {
        count(args, 1, "queryMarblesByOwner");
        String owner = args.get(0).toLowerCase(Locale.ROOT);
        List<ObjectNode> owned = marbles.values().stream()
                .filter(m -> m.get("owner").asText().equals(owner))
                .toList();
        return new Outcome(bytes(records(owned)), null, null, () -> {});
    }

    private Outcome query(List<String> args) {
        count(args, 1, "queryMarbles");
        return new Outcome(bytes(records(selected(args.get(0), ""))), null, null, () -> {});
    }

    private Outcome queryPaged(List<String> args) {
        count(args, 3, "queryMarblesWithPagination");
        int pageSize = Integer.parseInt(args.get(1));
        List<ObjectNode> all = selected(args.get(0), args.get(2));
        return page(all, pageSize);
    }

    /** The first {@code pageSize} of {@code all}, as the paginated functions answer; the next one's name is the bookmark. */
    private static Outcome page(List<ObjectNode> all, int pageSize) {
        List<ObjectNode> page = all.subList(0, Math.min(pageSize, all.size()));
        ObjectNode result = JSON.createObjectNode();
        result.set("records", records(page));
        result.put("fetchedRecordsCount", page.size());
        result.put(
                "bookmark",
                all.size() > pageSize ? all.get(pageSize).get("name").asText() : "");
        return new Outcome(bytes(result), null, null, () -> {});
    }

    /** Marbles from {@code bookmark} on whose fields equal the selector's, as CouchDB's equality operator. */
    private List<ObjectNode> selected(String queryJson, String bookmark) {
        JsonNode selector;
        try {
            selector = JSON.readTree(queryJson).path("selector");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ChaincodeError("INVALID_ARGUMENT", "queryString must be JSON");
        }
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode marble : marbles.tailMap(bookmark, true).values()) {
            boolean match = true;
            for (var field : selector.properties()) {
                match &= sameValue(field.getValue(), marble.get(field.getKey()));
            }
            if (match) {
                matches.add(marble);
            }
        }
        return matches;
    }

    /** JSON equality with numbers compared by value (35 matches 35.0), as CouchDB compares them. */
    private static boolean sameValue(JsonNode wanted, JsonNode actual) {
        if (wanted.isNumber() && actual != null && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return wanted.equals(actual);
    }

    private Outcome history(List<String> args) {
        count(args, 1, "getHistoryForMarble");
        ArrayNode entries = JSON.createArrayNode();
        List<ObjectNode> changes = new ArrayList<>(history.getOrDefault(args.get(0), List.of()));
        java.util.Collections.reverse(changes);
        changes.forEach(entries::add);
        return new Outcome(bytes(entries), null, null, () -> {});
    }

    private List<ObjectNode> slice(String start, String end) {
        NavigableMap<String, ObjectNode> view =
                end.isEmpty() ? marbles.tailMap(start, true) : marbles.subMap(start, true, end, false);
        return new ArrayList<>(view.values());
    }

    private static ArrayNode records(List<ObjectNode> marbles) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode marble : marbles) {
            ObjectNode record = array.addObject();
            record.put("Key", marble.get("name").asText());
            record.set("Record", marble);
        }
        return array;
    }

    private ObjectNode existing(String name) {
        ObjectNode marble = marbles.get(name);
        if (marble == null) {
            throw new ChaincodeError("MARBLE_NOT_FOUND", "Marble does not exist: " + name);
        }
        return marble;
    }

    private synchronized void put(ObjectNode marble, String txId) {
        marbles.put(marble.get("name").asText(), marble);
        record(marble.get("name").asText(), txId, marble);
    }

    private void record(String name, String txId, ObjectNode value) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("TxId", txId);
        if (value == null) {
            entry.putNull("Value");
        } else {
            entry.set("Value", value.deepCopy());
        }
        entry.put("Timestamp", Instant.now().toString());
        entry.put("IsDelete", value == null);
        history.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
    }

    private static ObjectNode marble(String name, String color, int size, String owner) {
        return JSON.createObjectNode()
                .put("docType", "marble")
                .put("name", name)
                .put("color", color)
                .put("size", size)
                .put("owner", owner);
    }

    private static void count(List<String> args, int expected, String function) {
        if (args.size() != expected) {
            throw new ChaincodeError(
                    "INCORRECT_ARGUMENT_COUNT",
                    "Incorrect number of arguments. " + function + " expects " + expected + ", got " + args.size());
        }
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
