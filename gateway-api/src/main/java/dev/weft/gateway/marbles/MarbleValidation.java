package dev.weft.gateway.marbles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks requests before anything reaches Fabric, with the chaincode's own rules, so a bad request costs no
 * endorsement and the error names the field.
 *
 * <pre>{@code
 * MarbleValidation.keyPart("name", "marble1");  // ok
 * MarbleValidation.keyPart("owner", "");        // throws: 400 field=owner "owner must be a non-empty string"
 * }</pre>
 */
public final class MarbleValidation {

    /** Longer names would make unwieldy keys; the chaincode has no limit, the API does. */
    public static final int MAX_KEY_LENGTH = 256;

    /** The largest page the API asks the peer for. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final int MAX_UNICODE = 0x10FFFF;

    private MarbleValidation() {}

    /** A non-empty name, colour or owner without the characters composite keys use as separators. */
    public static String keyPart(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " must be a non-empty string");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw invalid(field, field + " must be at most " + MAX_KEY_LENGTH + " characters");
        }
        if (value.indexOf('\u0000') >= 0 || value.codePoints().anyMatch(c -> c == MAX_UNICODE)) {
            throw invalid(field, field + " must not contain the characters U+0000 or U+10FFFF");
        }
        return value;
    }

    /** A size: present and not negative. */
    public static int size(Integer size) {
        if (size == null) {
            throw invalid("size", "size is required");
        }
        if (size < 0) {
            throw invalid("size", "size must not be negative, got " + size);
        }
        return size;
    }

    /** A range bound: may be empty (open), must not start in the composite-key namespace. */
    public static String rangeKey(String field, String value) {
        String bound = value == null ? "" : value;
        if (bound.startsWith("\u0000")) {
            throw invalid(field, field + " must not start with U+0000");
        }
        return bound;
    }

    /** A page size from 1 to {@link #MAX_PAGE_SIZE}. */
    public static int pageSize(Integer pageSize) {
        if (pageSize == null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw invalid("pageSize", "pageSize must be from 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        return pageSize;
    }

    /** A CouchDB selector: a JSON object. */
    public static JsonNode selector(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            throw invalid("selector", "selector must be a JSON object such as {\"owner\":\"tom\"}");
        }
        return selector;
    }

    /** A transaction id: hex, as Fabric makes them. */
    public static String transactionId(String transactionId) {
        if (transactionId == null || !transactionId.matches("[0-9a-fA-F]{1,128}")) {
            throw invalid("transactionId", "transactionId must be a hexadecimal Fabric transaction id");
        }
        return transactionId;
    }

    private static MarblesException invalid(String field, String detail) {
        return new MarblesException(new MarblesError.InvalidInput(field, detail));
    }
}
