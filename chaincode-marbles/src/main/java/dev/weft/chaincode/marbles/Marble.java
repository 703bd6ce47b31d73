package dev.weft.chaincode.marbles;

import java.util.Objects;

/**
 * A marble as marbles02 stores it. {@code docType} is always {@value #DOC_TYPE}, so CouchDB selectors and indexes can
 * tell marbles from other documents.
 *
 * <pre>{@code
 * Marble marble = new Marble("marble1", "blue", 35, "tom");
 * Marble moved = marble.withOwner("jerry");
 * }</pre>
 *
 * @param name the key the marble is stored under
 * @param color lower-case colour
 * @param size a non-negative size
 * @param owner lower-case owner
 */
public record Marble(String name, String color, int size, String owner) {

    /** The {@code docType} field of every marble document. */
    public static final String DOC_TYPE = "marble";

    public Marble {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(owner, "owner");
    }

    /** The same marble with another owner. */
    public Marble withOwner(String newOwner) {
        return new Marble(name, color, size, newOwner);
    }
}
