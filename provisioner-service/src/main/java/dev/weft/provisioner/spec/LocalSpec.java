package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Settings of the local-process runtime only.
 *
 * @param host the address every local node binds to and is reached at, default {@code 127.0.0.1}
 * @param portBase first port of the orderer org's block; peer org {@code i} starts at {@code portBase + 100 × (i + 1)}
 *     unless the org sets {@code localPortBase}; default {@code 7000}
 * @param couchDbUrl an existing CouchDB for the local peers (e.g. {@code http://admin:pw@127.0.0.1:5984}); without it
 *     the local runtime uses LevelDB
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalSpec(String host, Integer portBase, String couchDbUrl) {

    LocalSpec withDefaults() {
        return new LocalSpec(
                Objects.requireNonNullElse(host, "127.0.0.1"), Objects.requireNonNullElse(portBase, 7000), couchDbUrl);
    }
}
