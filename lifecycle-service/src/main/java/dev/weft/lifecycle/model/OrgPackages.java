package dev.weft.lifecycle.model;

import dev.weft.fabric.admin.chaincode.CcaasPackageBuilder;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.chaincode.ConnectionJson;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import java.time.Duration;
import java.util.Map;

/**
 * Builds one organization's chaincode package: its own address (and so its own package id), the TLS settings of the
 * spec, and the CouchDB indexes. Byte for byte the same for the same inputs, so a re-run finds the package id it
 * installed before.
 *
 * <pre>{@code
 * ChaincodePackage pkg = OrgPackages.build(spec, "127.0.0.1:41021", tls, indexes, Duration.ofSeconds(10));
 * pkg.packageId();   // "marbles_1.0:5c1e…"
 * }</pre>
 */
public final class OrgPackages {

    private OrgPackages() {}

    /**
     * @param spec the spec with defaults applied
     * @param address where the peer dials this organization's server
     * @param tls the server's TLS material, or {@code null} with {@code tls: none}
     * @param indexes CouchDB index files by name
     * @param dialTimeout how long the peer waits for the server before it gives up
     */
    public static ChaincodePackage build(
            ChaincodeSpec spec, String address, ServerTls tls, Map<String, byte[]> indexes, Duration dialTimeout) {
        ConnectionJson connection = switch (spec.tls()) {
            case NONE -> ConnectionJson.plaintext(address);
            case TLS -> ConnectionJson.tls(address, tls.caCertPem());
            case MTLS -> ConnectionJson.mutualTls(address, tls.caCertPem(), tls.clientCertPem(), tls.clientKeyPem());
        };
        CcaasPackageBuilder builder = CcaasPackageBuilder.ccaas(spec.label(), connection.withDialTimeout(dialTimeout))
                .type(spec.type().toFabric());
        indexes.forEach(builder::couchDbIndex);
        return builder.build();
    }
}
