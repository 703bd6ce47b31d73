package dev.weft.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads {@link CloudEvent}s as structured-mode CloudEvents JSON.
 *
 * <p>Readers tolerate fields they do not know (so producers can add optional fields) and reject an event whose
 * required attribute or body field is missing, naming it: {@code dev.weft.network.ready.v1: missing required field
 * 'network'}.
 *
 * <pre>{@code
 * String json = EventJson.write(CloudEvent.of(source, new NetworkFailed("net1", "genesis", "boom", null)));
 * CloudEvent<?> back = EventJson.read(json);
 * if (back.data() instanceof NetworkFailed failed) { ... }
 * }</pre>
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {}

    /** The mapper used for bodies; share it rather than configuring another. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The event as one structured-mode CloudEvents JSON object. */
    public static String write(CloudEvent<?> event) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("specversion", CloudEvent.SPEC_VERSION);
        json.put("id", event.id());
        json.put("source", event.source().toString());
        json.put("type", event.type());
        json.put("subject", event.subject());
        json.put("time", event.time().toString());
        json.put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
        json.set("data", MAPPER.valueToTree(event.data()));
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type(), e);
        }
    }

    /** Reads a structured-mode CloudEvents JSON object written by {@link #write}. */
    public static CloudEvent<?> read(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not a JSON event: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new EventFormatException("not a JSON event: expected an object");
        }
        String specVersion = attribute(tree, "specversion", "?");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new EventFormatException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String type = attribute(tree, "type", "?");
        EventType eventType = EventType.fromType(type)
                .orElseThrow(() -> new EventFormatException("unknown event type '" + type + "'"));
        EventData data = readData(type, tree, eventType.dataClass());
        try {
            return new CloudEvent<>(
                    attribute(tree, "id", type),
                    URI.create(attribute(tree, "source", type)),
                    type,
                    attribute(tree, "subject", type),
                    Instant.parse(attribute(tree, "time", type)),
                    data);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventFormatException(type + ": " + e.getMessage(), e);
        }
    }

    private static <T extends EventData> T readData(String type, JsonNode tree, Class<T> dataClass) {
        JsonNode body = tree.get("data");
        if (body == null || body.isNull()) {
            throw new EventFormatException(type + ": missing required field 'data'");
        }
        try {
            return MAPPER.treeToValue(body, dataClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventFormatException(type + ": " + describe(e), e);
        }
    }

    private static String attribute(JsonNode tree, String name, String type) {
        JsonNode value = tree.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new EventFormatException(type + ": missing required field '" + name + "'");
        }
        return value.asText();
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingFieldException missing) {
                return missing.getMessage();
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("?");
            return "invalid field '" + path + "': " + mapping.getOriginalMessage();
        }
        return e.getMessage();
    }
}
