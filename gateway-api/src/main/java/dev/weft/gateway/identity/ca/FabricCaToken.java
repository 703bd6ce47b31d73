package dev.weft.gateway.identity.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The Fabric CA's token authentication, as {@code util.GenECDSAToken} of fabric-ca 1.5 builds it and
 * {@code util.VerifyToken} checks it:
 *
 * <pre>{@code
 * payload = method + "." + b64(requestUri) + "." + b64(body) + "." + b64(certificatePem)
 * token   = b64(certificatePem) + "." + b64(derEcdsaSignature(sha256(payload)))
 * }</pre>
 *
 * where {@code b64} is standard base64 with padding, {@code requestUri} is the path and query as the server sees
 * them ({@code /api/v1/register}), and the signature's S is normalised to the lower half of the curve order: the
 * CA's BCCSP rejects a high S.
 */
public final class FabricCaToken {

    private FabricCaToken() {}

    /** The {@code Authorization} header value for one request. */
    public static String create(Enrollment signer, String method, String requestUri, byte[] body) {
        String b64Cert = b64(signer.certificatePem());
        byte[] payload = payload(method, requestUri, body, signer.certificatePem());
        return b64Cert + "." + b64(sign(signer.privateKey(), payload));
    }

    /** The bytes that are signed. */
    public static byte[] payload(String method, String requestUri, byte[] body, byte[] certificatePem) {
        String payload = method + "." + b64(requestUri.getBytes(StandardCharsets.UTF_8)) + "." + b64(body) + "."
                + b64(certificatePem);
        return payload.getBytes(StandardCharsets.US_ASCII);
    }

    /** SHA-256 with ECDSA, DER encoded, with a low S. */
    static byte[] sign(PrivateKey key, byte[] payload) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(payload);
            BigInteger order = ((ECKey) key).getParams().getOrder();
            return lowS(signature.sign(), order);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the Fabric CA token", e);
        }
    }

    /** The same signature with {@code s} replaced by {@code n - s} when {@code s > n/2} (as Fabric's BCCSP does). */
    public static byte[] lowS(byte[] derSignature, BigInteger order) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(derSignature);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        if (!isLowS(s, order)) {
            s = order.subtract(s);
        }
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an ECDSA signature", e);
        }
    }

    /** Whether {@code s <= n/2}. */
    public static boolean isLowS(BigInteger s, BigInteger order) {
        return s.compareTo(order.shiftRight(1)) <= 0;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
