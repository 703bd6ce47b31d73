package dev.weft.events;

/**
 * A marble was created on the ledger ({@code initMarble} committed).
 *
 * @param name the marble name
 * @param color its colour, lower case
 * @param size its size
 * @param owner its owner, lower case
 * @param transactionId the committing transaction
 * @param blockNumber the block holding it
 */
public record MarbleCreated(
        String name, String color, Integer size, String owner, String transactionId, Long blockNumber)
        implements EventData {

    public MarbleCreated {
        Fields.required(name, "name");
        Fields.required(transactionId, "transactionId");
    }

    @Override
    public String subject() {
        return name;
    }
}
