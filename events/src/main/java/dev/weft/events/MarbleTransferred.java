package dev.weft.events;

/**
 * A marble changed owner ({@code transferMarble} or {@code transferMarblesBasedOnColor} committed).
 *
 * @param name the marble name
 * @param newOwner the owner now, lower case
 * @param transactionId the committing transaction
 * @param blockNumber the block holding it
 */
public record MarbleTransferred(String name, String newOwner, String transactionId, Long blockNumber)
        implements EventData {

    public MarbleTransferred {
        Fields.required(name, "name");
        Fields.required(newOwner, "newOwner");
        Fields.required(transactionId, "transactionId");
    }

    @Override
    public String subject() {
        return name;
    }
}
