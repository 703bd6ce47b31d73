package dev.weft.fabric.admin.proposal;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.identity.SigningIdentity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * The per-transaction values of a proposal: a random nonce, the serialized creator and the transaction id derived
 * from both, {@code txId = hex(sha256(nonce ‖ creator))}, which is how the peer recomputes and checks it.
 *
 * <pre>{@code
 * TransactionContext context = TransactionContext.create(admin);
 * String txId = context.transactionId();
 * }</pre>
 *
 * @param nonce 24 random bytes
 * @param creator the serialized {@code msp.SerializedIdentity} of the signer
 * @param transactionId the lowercase hex transaction id
 */
public record TransactionContext(ByteString nonce, ByteString creator, String transactionId) {

    /** Nonce length used by the Fabric SDKs. */
    public static final int NONCE_LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    public TransactionContext {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** A fresh context with a new random nonce. */
    public static TransactionContext create(SigningIdentity identity) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return of(ByteString.copyFrom(nonce), Creators.serialize(identity));
    }

    /** A context from a given nonce and creator; the transaction id is derived from both. */
    public static TransactionContext of(ByteString nonce, ByteString creator) {
        return new TransactionContext(nonce, creator, transactionId(nonce, creator));
    }

    /** {@code hex(sha256(nonce ‖ creator))}. */
    public static String transactionId(ByteString nonce, ByteString creator) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce.toByteArray());
            digest.update(creator.toByteArray());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The signature header of any message signed in this context. */
    public SignatureHeader signatureHeader() {
        return SignatureHeader.newBuilder().setCreator(creator).setNonce(nonce).build();
    }
}
