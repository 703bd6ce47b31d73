package dev.weft.events;

import java.util.List;

/** Checks for required fields; the message names the field so a bad event can be traced to its producer. */
final class Fields {

    private Fields() {}

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
