package dev.weft.fabric.admin.crypto;

/**
 * Base of every error raised while generating, writing or loading crypto material.
 *
 * <p>Messages name the organisation, node or file that is wrong. They never contain private key bytes.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
