package dev.weft.chaincode.testpeer;

/** The test peer could not connect, register or complete a transaction (not a chaincode error response). */
public final class TestPeerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestPeerException(String message) {
        super(message);
    }

    public TestPeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
