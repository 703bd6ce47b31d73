package dev.weft.chaincode.marbles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The functions of the marbles chaincode, with marbles02's names and argument order. */
public enum MarbleFunction {
    INIT("Init"),
    INIT_MARBLE("initMarble", "name", "color", "size", "owner"),
    READ_MARBLE("readMarble", "name"),
    DELETE("delete", "name"),
    TRANSFER_MARBLE("transferMarble", "name", "newOwner"),
    TRANSFER_MARBLES_BASED_ON_COLOR("transferMarblesBasedOnColor", "color", "newOwner"),
    GET_MARBLES_BY_RANGE("getMarblesByRange", "startKey", "endKey"),
    GET_MARBLES_BY_RANGE_WITH_PAGINATION(
            "getMarblesByRangeWithPagination", "startKey", "endKey", "pageSize", "bookmark"),
    QUERY_MARBLES_BY_OWNER("queryMarblesByOwner", "owner"),
    QUERY_MARBLES("queryMarbles", "selector"),
    QUERY_MARBLES_WITH_PAGINATION("queryMarblesWithPagination", "selector", "pageSize", "bookmark"),
    GET_HISTORY_FOR_MARBLE("getHistoryForMarble", "name");

    private final String functionName;
    private final List<String> parameters;

    MarbleFunction(String functionName, String... parameters) {
        this.functionName = functionName;
        this.parameters = List.of(parameters);
    }

    /** The name clients call, e.g. {@code initMarble}. */
    public String functionName() {
        return functionName;
    }

    /** The parameter names, in argument order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The function called {@code name}, if any. */
    public static Optional<MarbleFunction> byName(String name) {
        return Arrays.stream(values())
                .filter(function -> function.functionName.equals(name))
                .findFirst();
    }
}
