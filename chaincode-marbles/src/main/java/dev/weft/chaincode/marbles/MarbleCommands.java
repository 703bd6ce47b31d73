package dev.weft.chaincode.marbles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.KeyValue;

/**
 * The functions that change state. Each one reads and validates everything first and writes last, so a refused
 * call has written nothing (the peer would drop the writes of an error response anyway, but a stub or a future
 * caller should not see half a marble either).
 */
final class MarbleCommands {

    private MarbleCommands() {}

    /** {@code initMarble(name, color, size, owner)}: stores a new marble and its two index entries. */
    static byte[] initMarble(Ledger ledger, Arguments args) {
        String name = args.keyPart("name");
        String color = args.lowerCaseKeyPart("color");
        int size = args.nonNegativeInt("size");
        String owner = args.lowerCaseKeyPart("owner");
        if (ledger.get(name).isPresent()) {
            throw new MarblesException(ErrorCode.MARBLE_ALREADY_EXISTS, "This marble already exists: " + name);
        }
        Marble marble = new Marble(name, color, size, owner);
        byte[] json = MarbleJson.toBytes(marble);
        ledger.put(name, json);
        ledger.put(ledger.compositeKey(StateKeys.COLOR_NAME, color, name), StateKeys.INDEX_VALUE);
        ledger.put(ledger.compositeKey(StateKeys.OWNER_NAME, owner, name), StateKeys.INDEX_VALUE);
        ledger.stub().setEvent(MarbleEvents.MARBLE_CREATED, MarbleEvents.created(marble));
        return json;
    }

    /** {@code delete(name)}: removes the marble and its index entries. */
    static byte[] delete(Ledger ledger, Arguments args) {
        String name = args.keyPart("name");
        Marble marble = ledger.marble(name);
        ledger.delete(name);
        ledger.delete(ledger.compositeKey(StateKeys.COLOR_NAME, marble.color(), marble.name()));
        ledger.delete(ledger.compositeKey(StateKeys.OWNER_NAME, marble.owner(), marble.name()));
        ledger.stub().setEvent(MarbleEvents.MARBLE_DELETED, MarbleEvents.deleted(marble));
        return MarbleJson.toBytes(marble);
    }

    /** {@code transferMarble(name, newOwner)}: gives the marble to a new (lower-cased) owner. */
    static byte[] transferMarble(Ledger ledger, Arguments args) {
        String name = args.keyPart("name");
        String newOwner = args.lowerCaseKeyPart("newOwner");
        Marble before = ledger.marble(name);
        Marble after = move(ledger, before, newOwner);
        ledger.stub().setEvent(MarbleEvents.MARBLE_TRANSFERRED, MarbleEvents.transferred(before, after));
        return MarbleJson.toBytes(after);
    }

    /**
     * {@code transferMarblesBasedOnColor(color, newOwner)}: gives every marble of a colour to a new owner. Unlike
     * marbles02 the colour is lower-cased, so {@code "Blue"} finds the marbles stored as {@code "blue"}.
     */
    static byte[] transferMarblesBasedOnColor(Ledger ledger, Arguments args) {
        String color = args.lowerCaseKeyPart("color");
        String newOwner = args.lowerCaseKeyPart("newOwner");
        List<String> names = ledger.drain(
                () -> ledger.stub().getStateByPartialCompositeKey(StateKeys.COLOR_NAME, color),
                (KeyValue entry) -> ledger.stub()
                        .splitCompositeKey(entry.getKey())
                        .getAttributes()
                        .get(1));
        List<Marble> before = new ArrayList<>(names.size());
        for (String name : names) {
            before.add(ledger.marble(name));
        }
        List<Marble> after = new ArrayList<>(before.size());
        for (Marble marble : before) {
            after.add(move(ledger, marble, newOwner));
        }
        if (!after.isEmpty()) {
            ledger.stub()
                    .setEvent(
                            MarbleEvents.MARBLES_TRANSFERRED,
                            MarbleEvents.transferredByColor(color, newOwner, before, after));
        }
        String summary = "Transferred " + after.size() + " " + color + " marbles to " + newOwner;
        return summary.getBytes(StandardCharsets.UTF_8);
    }

    private static Marble move(Ledger ledger, Marble before, String newOwner) {
        Marble after = before.withOwner(newOwner);
        ledger.put(after.name(), MarbleJson.toBytes(after));
        if (!before.owner().equals(newOwner)) {
            ledger.delete(ledger.compositeKey(StateKeys.OWNER_NAME, before.owner(), before.name()));
            ledger.put(ledger.compositeKey(StateKeys.OWNER_NAME, newOwner, after.name()), StateKeys.INDEX_VALUE);
        }
        return after;
    }
}
