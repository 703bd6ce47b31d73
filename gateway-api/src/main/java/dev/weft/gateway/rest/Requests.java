package dev.weft.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.gateway.marbles.Marble;
import dev.weft.gateway.marbles.MarblePage;
import java.util.List;

/** The JSON bodies of the REST API. */
final class Requests {

    private Requests() {}

    /** {@code POST /api/v1/marbles}. */
    record CreateMarble(String name, String color, Integer size, String owner) {}

    /** {@code PUT /api/v1/marbles/{name}/owner}. */
    record NewOwner(String owner) {}

    /** {@code POST /api/v1/marbles/transfers}. */
    record ColorTransfer(String color, String newOwner) {}

    /** {@code POST /api/v1/marbles/queries}: a CouchDB selector, optionally paged. */
    record Query(JsonNode selector, Integer pageSize, String bookmark) {}

    /** A committed write: the transaction and what it produced. */
    record TransactionResult<T>(String transactionId, long blockNumber, T marble) {}

    /** A committed colour transfer. */
    record ColorTransferResult(String transactionId, long blockNumber, String summary) {}

    /** A list of marbles, with the paging fields for paged queries. */
    record Marbles(List<Marble> marbles, Integer fetchedRecordsCount, String bookmark) {
        static Marbles of(MarblePage page) {
            return new Marbles(page.marbles(), page.fetchedRecordsCount(), page.bookmark());
        }
    }
}
