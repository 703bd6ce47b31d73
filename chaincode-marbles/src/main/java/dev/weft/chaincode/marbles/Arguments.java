package dev.weft.chaincode.marbles;

import java.util.List;
import java.util.Locale;

/**
 * The string arguments of one call, checked against the parameter names of its function. Every accessor names the
 * argument in its error, so a client learns which value was wrong.
 *
 * <pre>{@code
 * Arguments args = Arguments.of(MarbleFunction.INIT_MARBLE, List.of("marble1", "Blue", "35", "Tom"));
 * String color = args.lowerCaseKeyPart("color"); // "blue"
 * int size = args.nonNegativeInt("size");         // 35
 * }</pre>
 */
final class Arguments {

    private static final int MAX_UNICODE = 0x10FFFF;

    private final MarbleFunction function;
    private final List<String> values;

    private Arguments(MarbleFunction function, List<String> values) {
        this.function = function;
        this.values = values;
    }

    /** Checks the count; marbles02 accepted extra arguments in places, this chaincode never does. */
    static Arguments of(MarbleFunction function, List<String> values) {
        List<String> parameters = function.parameters();
        if (values.size() != parameters.size()) {
            throw new MarblesException(
                    ErrorCode.INCORRECT_ARGUMENT_COUNT,
                    "Incorrect number of arguments. " + function.functionName() + " expects " + parameters.size()
                            + (parameters.isEmpty() ? "" : " " + parameters) + ", got " + values.size());
        }
        return new Arguments(function, List.copyOf(values));
    }

    /** The argument as given; may be empty. */
    String raw(String parameter) {
        return values.get(index(parameter));
    }

    /** A non-empty string usable as a simple key and as a composite-key attribute. */
    String keyPart(String parameter) {
        String value = raw(parameter);
        if (value.isEmpty()) {
            throw MarblesException.invalidArgument(parameter, parameter + " must be a non-empty string");
        }
        // U+0000 starts and separates composite keys, and U+10FFFF ends partial-key ranges: neither may appear in a
        // name, colour or owner, or the indexes would break.
        if (value.indexOf('\u0000') >= 0 || value.codePoints().anyMatch(c -> c == MAX_UNICODE)) {
            throw MarblesException.invalidArgument(
                    parameter, parameter + " must not contain the characters U+0000 or U+10FFFF");
        }
        return value;
    }

    /** Like {@link #keyPart}, lower-cased as marbles02 stores colours and owners. */
    String lowerCaseKeyPart(String parameter) {
        return keyPart(parameter).toLowerCase(Locale.ROOT);
    }

    /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
    int nonNegativeInt(String parameter) {
        int value = integer(parameter);
        if (value < 0) {
            throw MarblesException.invalidArgument(parameter, parameter + " must not be negative, got " + value);
        }
        return value;
    }

    /** A whole number from 1 to {@link Integer#MAX_VALUE} (a page size). */
    int positiveInt(String parameter) {
        int value = integer(parameter);
        if (value < 1) {
            throw MarblesException.invalidArgument(parameter, parameter + " must be at least 1, got " + value);
        }
        return value;
    }

    /** A range bound: any string, but not one in the composite-key namespace. */
    String rangeKey(String parameter) {
        String value = raw(parameter);
        if (value.startsWith("\u0000")) {
            throw MarblesException.invalidArgument(parameter, parameter + " must not start with U+0000");
        }
        return value;
    }

    /** A CouchDB query: a JSON object such as {@code {"selector":{...}}}. */
    String jsonObject(String parameter) {
        String value = raw(parameter);
        if (!MarbleJson.isJsonObject(value)) {
            throw MarblesException.invalidArgument(
                    parameter, parameter + " must be a JSON object such as {\"selector\":{\"owner\":\"tom\"}}");
        }
        return value;
    }

    private int integer(String parameter) {
        String value = raw(parameter);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw MarblesException.invalidArgument(
                    parameter, parameter + " must be a numeric string (a whole number), got '" + value + "'");
        }
    }

    private int index(String parameter) {
        int index = function.parameters().indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException(function.functionName() + " has no parameter " + parameter);
        }
        return index;
    }
}
