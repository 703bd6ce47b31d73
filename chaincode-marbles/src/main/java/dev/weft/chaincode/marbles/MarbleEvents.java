package dev.weft.chaincode.marbles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The chaincode events. Fabric keeps one event per transaction (a second {@code setEvent} replaces the first), so
 * the bulk transfer by colour sends one {@value #MARBLES_TRANSFERRED} event listing every marble it moved.
 *
 * <pre>{@code
 * MarbleCreated     {"docType":"marble","name":"marble1","color":"blue","size":35,"owner":"tom"}
 * MarbleTransferred {"docType":"marble","name":"marble1","color":"blue","size":35,"owner":"jerry","previousOwner":"tom"}
 * MarbleDeleted     {"docType":"marble","name":"marble1","color":"blue","size":35,"owner":"jerry"}
 * MarblesTransferred {"color":"blue","owner":"jerry","count":2,"marbles":[<MarbleTransferred payload>, ...]}
 * }</pre>
 */
public final class MarbleEvents {

    public static final String MARBLE_CREATED = "MarbleCreated";
    public static final String MARBLE_TRANSFERRED = "MarbleTransferred";
    public static final String MARBLE_DELETED = "MarbleDeleted";
    public static final String MARBLES_TRANSFERRED = "MarblesTransferred";

    private MarbleEvents() {}

    static byte[] created(Marble marble) {
        return MarbleJson.toBytes(marble);
    }

    static byte[] deleted(Marble marble) {
        return MarbleJson.toBytes(marble);
    }

    static byte[] transferred(Marble before, Marble after) {
        return MarbleJson.write(transferNode(before, after));
    }

    static byte[] transferredByColor(String color, String owner, List<Marble> before, List<Marble> after) {
        ObjectNode node = MarbleJson.object();
        node.put("color", color);
        node.put("owner", owner);
        node.put("count", after.size());
        ArrayNode marbles = node.putArray("marbles");
        for (int i = 0; i < after.size(); i++) {
            marbles.add(transferNode(before.get(i), after.get(i)));
        }
        return MarbleJson.write(node);
    }

    private static ObjectNode transferNode(Marble before, Marble after) {
        ObjectNode node = MarbleJson.toNode(after);
        node.put("previousOwner", before.owner());
        return node;
    }
}
