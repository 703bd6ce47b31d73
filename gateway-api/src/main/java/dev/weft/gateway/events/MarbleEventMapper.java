package dev.weft.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventData;
import dev.weft.events.MarbleCreated;
import dev.weft.events.MarbleDeleted;
import dev.weft.events.MarbleTransferred;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the marbles chaincode's events into Weft CloudEvents, one per marble: the bulk {@code MarblesTransferred}
 * event of a colour transfer becomes one {@link MarbleTransferred} per marble, so every event is keyed by the marble
 * it is about.
 *
 * <p>The CloudEvent id is {@code <transactionId>-<index>} (index within the chaincode event), the same every time
 * the event is read from the ledger, so a consumer recognises a redelivery by its id.
 *
 * <pre>{@code
 * List<CloudEvent<?>> out = MarbleEventMapper.map(new LedgerEvent(7, "a1b2", "MarbleCreated", payload), now);
 * // [CloudEvent{id=a1b2-0, type=dev.weft.marbles.created.v1, subject=marble1, ...}]
 * }</pre>
 */
public final class MarbleEventMapper {

    /** The CloudEvents {@code source} of the gateway's events. */
    public static final URI SOURCE = URI.create("/weft/gateway-api");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MarbleEventMapper() {}

    /** The CloudEvents for one chaincode event, in order; empty for events this gateway does not publish. */
    public static List<CloudEvent<?>> map(LedgerEvent event, Instant time) {
        JsonNode payload;
        try {
            payload = MAPPER.readTree(event.payload());
        } catch (IOException e) {
            return List.of();
        }
        if (payload == null) {
            return List.of();
        }
        List<EventData> bodies = new ArrayList<>();
        String tx = event.transactionId();
        Long block = event.blockNumber();
        switch (event.eventName()) {
            case "MarbleCreated" ->
                bodies.add(new MarbleCreated(
                        payload.path("name").asText(),
                        payload.path("color").asText(null),
                        payload.hasNonNull("size") ? payload.get("size").asInt() : null,
                        payload.path("owner").asText(null),
                        tx,
                        block));
            case "MarbleTransferred" ->
                bodies.add(new MarbleTransferred(
                        payload.path("name").asText(), payload.path("owner").asText(), tx, block));
            case "MarbleDeleted" ->
                bodies.add(new MarbleDeleted(payload.path("name").asText(), tx, block));
            case "MarblesTransferred" -> {
                for (JsonNode marble : payload.path("marbles")) {
                    bodies.add(new MarbleTransferred(
                            marble.path("name").asText(), marble.path("owner").asText(), tx, block));
                }
            }
            default -> {
                // Not a marbles event (another chaincode version's): nothing to publish.
            }
        }
        List<CloudEvent<?>> events = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            events.add(CloudEvent.of(SOURCE, bodies.get(i), eventId(tx, i), time));
        }
        return events;
    }

    /** The id of the {@code index}-th CloudEvent of a transaction. */
    public static String eventId(String transactionId, int index) {
        return transactionId + "-" + index;
    }
}
