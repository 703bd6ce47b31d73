package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Container images. Peer and orderer tags default to {@code fabricVersion}.
 *
 * @param peer default {@code hyperledger/fabric-peer:<fabricVersion>}
 * @param orderer default {@code hyperledger/fabric-orderer:<fabricVersion>}
 * @param ca default {@code hyperledger/fabric-ca:1.5.15}
 * @param couchdb default {@code couchdb:3.3.3}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImagesSpec(String peer, String orderer, String ca, String couchdb) {

    /** Default Fabric CA image. */
    public static final String DEFAULT_CA = "hyperledger/fabric-ca:1.5.15";

    /** Default CouchDB image. */
    public static final String DEFAULT_COUCHDB = "couchdb:3.3.3";

    ImagesSpec withDefaults(String fabricVersion) {
        return new ImagesSpec(
                Objects.requireNonNullElse(peer, "hyperledger/fabric-peer:" + fabricVersion),
                Objects.requireNonNullElse(orderer, "hyperledger/fabric-orderer:" + fabricVersion),
                Objects.requireNonNullElse(ca, DEFAULT_CA),
                Objects.requireNonNullElse(couchdb, DEFAULT_COUCHDB));
    }
}
