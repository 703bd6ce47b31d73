package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The peers' state database. CouchDB is needed for the marbles rich queries. */
public enum StateDatabase {
    LEVELDB("leveldb"),
    COUCHDB("couchdb");

    private final String json;

    StateDatabase(String json) {
        this.json = json;
    }

    /** The spelling used in specs: {@code leveldb} or {@code couchdb}. */
    @JsonValue
    public String json() {
        return json;
    }

    /**
     * Reads {@code leveldb} or {@code couchdb}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value (reported as a type error on the field)
     */
    @JsonCreator
    public static StateDatabase fromJson(String value) {
        for (StateDatabase db : values()) {
            if (db.json.equals(value.toLowerCase(Locale.ROOT))) {
                return db;
            }
        }
        throw new IllegalArgumentException("must be one of leveldb, couchdb");
    }
}
