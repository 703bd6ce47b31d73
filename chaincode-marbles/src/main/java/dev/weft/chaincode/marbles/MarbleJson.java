package dev.weft.chaincode.marbles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for marbles and for the chaincode's responses. Everything is built as a Jackson tree in a fixed field order
 * and written compactly, so the same state always gives the same bytes on every endorsing peer (no reflection, no
 * map ordering). The marble field order is marbles02's: {@code docType, name, color, size, owner}.
 *
 * <pre>{@code
 * byte[] json = MarbleJson.toBytes(new Marble("marble1", "blue", 35, "tom"));
 * // {"docType":"marble","name":"marble1","color":"blue","size":35,"owner":"tom"}
 * Marble back = MarbleJson.parse("marble1", json);
 * }</pre>
 */
public final class MarbleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MarbleJson() {}

    /** The marble as a JSON object node. */
    public static ObjectNode toNode(Marble marble) {
        ObjectNode node = NODES.objectNode();
        node.put("docType", Marble.DOC_TYPE);
        node.put("name", marble.name());
        node.put("color", marble.color());
        node.put("size", marble.size());
        node.put("owner", marble.owner());
        return node;
    }

    /** The marble as compact UTF-8 JSON. */
    public static byte[] toBytes(Marble marble) {
        return write(toNode(marble));
    }

    /**
     * Reads a stored marble.
     *
     * @param key the key it was stored under (for the error message)
     * @throws MarblesException {@link ErrorCode#CORRUPT_STATE} when the bytes are not a marble
     */
    public static Marble parse(String key, byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw corrupt(key, "is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw corrupt(key, "is not a JSON object");
        }
        JsonNode name = node.get("name");
        JsonNode color = node.get("color");
        JsonNode size = node.get("size");
        JsonNode owner = node.get("owner");
        if (name == null || !name.isTextual() || color == null || !color.isTextual()) {
            throw corrupt(key, "lacks a text name or color");
        }
        if (owner == null || !owner.isTextual() || size == null || !size.canConvertToInt()) {
            throw corrupt(key, "lacks a text owner or an integer size");
        }
        return new Marble(name.asText(), color.asText(), size.asInt(), owner.asText());
    }

    /**
     * A stored value as a JSON node to embed in a response: the parsed document, or a JSON string when the value is
     * not JSON (marbles02 spliced raw bytes into its output, which broke the whole response in that case).
     */
    static JsonNode embed(byte[] value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            return node == null ? NODES.textNode("") : node;
        } catch (IOException e) {
            return NODES.textNode(new String(value, StandardCharsets.UTF_8));
        }
    }

    /** Whether {@code text} is a JSON object (what a CouchDB query must be). */
    static boolean isJsonObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Compact UTF-8 JSON of a tree. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw MarblesException.withCause(ErrorCode.INTERNAL_ERROR, "cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static MarblesException corrupt(String key, String problem) {
        return new MarblesException(ErrorCode.CORRUPT_STATE, "the value stored under '" + key + "' " + problem);
    }
}
