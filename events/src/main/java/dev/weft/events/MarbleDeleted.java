package dev.weft.events;

/**
 * A marble was deleted from the world state (its history remains on the ledger).
 *
 * @param name the marble name
 * @param transactionId the committing transaction
 * @param blockNumber the block holding it
 */
public record MarbleDeleted(String name, String transactionId, Long blockNumber) implements EventData {

    public MarbleDeleted {
        Fields.required(name, "name");
        Fields.required(transactionId, "transactionId");
    }

    @Override
    public String subject() {
        return name;
    }
}
