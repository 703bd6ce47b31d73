package dev.weft.lifecycle.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** TLS between the peer and the chaincode server. */
public enum TlsMode {
    /** Plaintext. */
    NONE,
    /** The server has a certificate the peer checks. */
    TLS,
    /** As {@link #TLS}, and the server requires the peer's client certificate. */
    MTLS;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TlsMode of(String value) {
        for (TlsMode mode : values()) {
            if (mode.value().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown TLS mode '" + value + "' (none, tls or mtls)");
    }
}
