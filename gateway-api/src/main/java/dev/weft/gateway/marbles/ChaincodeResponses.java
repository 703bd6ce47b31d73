package dev.weft.gateway.marbles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the marbles chaincode's JSON responses: a marble, {@code [{"Key","Record"}]} query results, the paged
 * {@code {"records","fetchedRecordsCount","bookmark"}} object and the history array.
 *
 * <pre>{@code
 * Marble m = ChaincodeResponses.marble(bytes); // {"docType":"marble","name":"m1","color":"blue","size":35,"owner":"tom"}
 * MarblePage page = ChaincodeResponses.page(bytes);
 * }</pre>
 */
public final class ChaincodeResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChaincodeResponses() {}

    public static Marble marble(byte[] json) {
        return marble(tree(json));
    }

    /** {@code [{"Key":"m1","Record":{...}}]}; records that are not marbles are skipped. */
    public static List<Marble> records(byte[] json) {
        return records(tree(json));
    }

    /** {@code {"records":[...],"fetchedRecordsCount":n,"bookmark":"..."}}. */
    public static MarblePage page(byte[] json) {
        JsonNode node = tree(json);
        return new MarblePage(
                records(node.path("records")),
                node.path("fetchedRecordsCount").asInt(),
                node.path("bookmark").asText(""));
    }

    /** {@code [{"TxId","Value","Timestamp","IsDelete"}]}, newest first. */
    public static List<HistoryEntry> history(byte[] json) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : tree(json)) {
            JsonNode value = entry.path("Value");
            Instant timestamp;
            try {
                timestamp = Instant.parse(entry.path("Timestamp").asText());
            } catch (DateTimeParseException e) {
                timestamp = null;
            }
            entries.add(new HistoryEntry(
                    entry.path("TxId").asText(),
                    timestamp,
                    entry.path("IsDelete").asBoolean(),
                    value.isObject() ? marble(value) : null));
        }
        return entries;
    }

    private static List<Marble> records(JsonNode array) {
        List<Marble> marbles = new ArrayList<>();
        for (JsonNode record : array) {
            JsonNode value = record.path("Record");
            if (value.isObject() && value.hasNonNull("name")) {
                marbles.add(marble(value));
            }
        }
        return marbles;
    }

    private static Marble marble(JsonNode node) {
        return new Marble(
                node.path("name").asText(),
                node.path("color").asText(),
                node.path("size").asInt(),
                node.path("owner").asText());
    }

    private static JsonNode tree(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null) {
                throw new IOException("empty response");
            }
            return node;
        } catch (IOException e) {
            throw new MarblesException(new MarblesError.EndorsementFailed(
                    "the chaincode answered with something that is not JSON: "
                            + new String(json, StandardCharsets.UTF_8),
                    List.of()));
        }
    }
}
