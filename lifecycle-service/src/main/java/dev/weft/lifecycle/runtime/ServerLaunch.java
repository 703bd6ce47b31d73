package dev.weft.lifecycle.runtime;

import dev.weft.lifecycle.model.ServerTls;
import dev.weft.lifecycle.spec.ChaincodeSpec;

/**
 * One organization's chaincode server for one package.
 *
 * @param spec the spec, defaults applied
 * @param mspId the organization
 * @param namespace the network's Kubernetes namespace, or {@code null} locally
 * @param address where the peer dials the server ({@code connection.json}'s address)
 * @param packageId the package id the server registers with
 * @param tls the TLS material, or {@code null} with {@code tls: none}
 */
public record ServerLaunch(
        ChaincodeSpec spec, String mspId, String namespace, String address, String packageId, ServerTls tls) {

    /** The port part of the address. */
    public int port() {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** The host part of the address. */
    public String host() {
        return address.substring(0, address.lastIndexOf(':'));
    }
}
