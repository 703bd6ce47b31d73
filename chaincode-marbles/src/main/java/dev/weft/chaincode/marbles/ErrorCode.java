package dev.weft.chaincode.marbles;

/**
 * The stable error codes of the marbles chaincode. Every error response's message starts with {@code <CODE>: }, and
 * its payload is {@code {"code":"<CODE>","message":"...","argument":"..."}} ({@code argument} only where one argument
 * is at fault), so clients can branch on the code without parsing prose.
 */
public enum ErrorCode {
    /** The function got more or fewer arguments than it takes. */
    INCORRECT_ARGUMENT_COUNT,
    /** An argument is empty, not a number, negative, not JSON, or contains characters keys cannot hold. */
    INVALID_ARGUMENT,
    /** The function name is not one of the marbles functions. */
    UNKNOWN_FUNCTION,
    /** No marble is stored under the given name. */
    MARBLE_NOT_FOUND,
    /** A marble is already stored under the given name. */
    MARBLE_ALREADY_EXISTS,
    /** A rich (CouchDB selector) query was refused: the peer's state database is LevelDB. */
    RICH_QUERY_UNSUPPORTED,
    /** The peer refused a ledger call (for example a paginated query inside an update transaction). */
    LEDGER_ERROR,
    /** A stored value is not a marble this chaincode can read. */
    CORRUPT_STATE,
    /** Anything else: a bug. The message says what failed; no stack trace leaves the chaincode. */
    INTERNAL_ERROR
}
