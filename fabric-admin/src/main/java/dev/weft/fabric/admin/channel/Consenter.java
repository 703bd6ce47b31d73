package dev.weft.fabric.admin.channel;

import dev.weft.fabric.admin.crypto.NodeMaterial;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An etcdraft consenter: where the orderer's cluster endpoint is and which TLS certificates it presents.
 *
 * <pre>{@code
 * Consenter c = Consenter.of(crypto.org("OrdererOrg").node("orderer0.example.com"), "127.0.0.1", 7050);
 * }</pre>
 *
 * @param host the host other orderers dial (must be in the server certificate's SANs)
 * @param port the cluster port (the orderer's general listen port unless a separate cluster listener is used)
 * @param clientTlsCertificate the certificate the orderer presents when dialling others
 * @param serverTlsCertificate the certificate it serves
 */
public record Consenter(
        String host, int port, X509Certificate clientTlsCertificate, X509Certificate serverTlsCertificate) {

    public Consenter {
        Endpoints.requireHostPort("consenter", host, port);
        Objects.requireNonNull(clientTlsCertificate, "clientTlsCertificate");
        Objects.requireNonNull(serverTlsCertificate, "serverTlsCertificate");
    }

    /** A consenter that uses its TLS server certificate as client certificate too, as cryptogen networks do. */
    public static Consenter of(NodeMaterial orderer, String host, int port) {
        return new Consenter(host, port, orderer.tlsCertificate(), orderer.tlsCertificate());
    }

    @Override
    public String toString() {
        return "Consenter[" + host + ":" + port + ", server="
                + serverTlsCertificate.getSubjectX500Principal().getName() + "]";
    }
}
