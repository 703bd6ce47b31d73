package dev.weft.gateway.marbles;

import java.util.List;

/**
 * Marbles from a range or selector query. {@code bookmark} and {@code fetchedRecordsCount} are set only for paged
 * queries; pass the bookmark back to get the next page (an empty bookmark means there is none).
 */
public record MarblePage(List<Marble> marbles, Integer fetchedRecordsCount, String bookmark) {

    public MarblePage {
        marbles = List.copyOf(marbles);
    }

    /** An unpaged result. */
    public static MarblePage of(List<Marble> marbles) {
        return new MarblePage(marbles, null, null);
    }
}
