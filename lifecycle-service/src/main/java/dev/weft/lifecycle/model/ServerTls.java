package dev.weft.lifecycle.model;

/**
 * The TLS material of one chaincode server: its key pair (SAN = the chaincode address), the CA that issued it (the
 * peer's {@code root_cert}), and the peer's client credentials from the same CA ({@code client_cert}/{@code
 * client_key}), which the server trusts for mutual TLS. {@link #toString()} leaves the keys out.
 *
 * @param caCertPem the issuing CA certificate
 * @param serverCertPem the server certificate
 * @param serverKeyPem the server key
 * @param clientCertPem the peer's client certificate
 * @param clientKeyPem the peer's client key
 */
public record ServerTls(
        String caCertPem, String serverCertPem, String serverKeyPem, String clientCertPem, String clientKeyPem) {

    @Override
    public String toString() {
        return "ServerTls[ca and server certificate, keys not shown]";
    }
}
