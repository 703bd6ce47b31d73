package dev.weft.gateway.identity.ca;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An enrolled Fabric CA identity: its enrollment id, the certificate the CA issued (as the CA sent it, PEM) and the
 * private key generated here. {@link #toString()} never shows the key.
 *
 * @param enrollmentId the identity's name at the CA, also the certificate's common name
 * @param certificatePem the certificate, PEM, byte for byte as issued: Fabric CA tokens sign over these bytes
 * @param certificate the parsed certificate
 * @param privateKey the key; it never leaves the gateway
 */
public record Enrollment(
        String enrollmentId, byte[] certificatePem, X509Certificate certificate, PrivateKey privateKey) {

    public Enrollment {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Parses the certificate from {@code certificatePem}. */
    public static Enrollment of(String enrollmentId, byte[] certificatePem, PrivateKey privateKey) {
        return new Enrollment(enrollmentId, certificatePem, Pems.certificate(certificatePem), privateKey);
    }

    @Override
    public String toString() {
        return "Enrollment[" + enrollmentId + ", subject="
                + certificate.getSubjectX500Principal().getName() + ", notAfter=" + certificate.getNotAfter() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Enrollment that
                && enrollmentId.equals(that.enrollmentId)
                && java.util.Arrays.equals(certificatePem, that.certificatePem);
    }

    @Override
    public int hashCode() {
        return enrollmentId.hashCode() * 31 + new String(certificatePem, StandardCharsets.US_ASCII).hashCode();
    }
}
