package dev.weft.fabric.admin.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An MSP identity that can sign: the MSP id, its X.509 certificate and the matching private key.
 *
 * <p>{@link #toString()} never prints the key, so an identity can be logged or put into an exception message.
 *
 * @param mspId the MSP id the certificate belongs to, e.g. {@code Org1MSP}
 * @param certificate the signing (enrollment) certificate
 * @param privateKey the private key of {@code certificate}
 */
public record SigningIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    public SigningIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return "SigningIdentity[mspId=" + mspId + ", subject="
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
