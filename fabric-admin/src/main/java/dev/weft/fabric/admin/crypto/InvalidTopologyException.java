package dev.weft.fabric.admin.crypto;

/** A {@link Topology} is inconsistent: an empty or duplicate name, a malformed host name, an org without nodes. */
public class InvalidTopologyException extends CryptoException {

    public InvalidTopologyException(String message) {
        super(message);
    }
}
