package dev.weft.fabric.admin.proposal;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.identity.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** Serializes identities the way MSPs expect them: {@code SerializedIdentity{mspid, id_bytes = PEM certificate}}. */
public final class Creators {

    private Creators() {}

    /** The serialized {@code msp.SerializedIdentity} bytes of the identity. */
    public static ByteString serialize(SigningIdentity identity) {
        return SerializedIdentity.newBuilder()
                .setMspid(identity.mspId())
                .setIdBytes(ByteString.copyFrom(pem(identity.certificate()), StandardCharsets.US_ASCII))
                .build()
                .toByteString();
    }

    /** The PEM text of a certificate, with 64-character lines as Go's {@code pem.Encode} writes them. */
    public static String pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
