package dev.weft.chaincode.testpeer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One registered chaincode stream, seen from the peer side. Every call builds a real signed proposal, sends it as a
 * {@code TRANSACTION} (or {@code INIT}) message, answers the chaincode's state requests from the {@link WorldState},
 * and returns what the chaincode completed with. Calls may run concurrently, as on a real peer.
 *
 * <pre>{@code
 * try (ChaincodeConnection chaincode = TestPeer.connect("127.0.0.1", 9999, TlsOptions.plaintext())) {
 *     chaincode.init("Init");
 *     TransactionResult created = chaincode.invoke("initMarble", "marble1", "blue", "35", "tom");
 *     TransactionResult read = chaincode.query("readMarble", "marble1");
 *     chaincode.worldState().getUtf8("marble1"); // committed JSON
 * }
 * }</pre>
 */
public interface ChaincodeConnection extends AutoCloseable {

    /** The chaincode id the chaincode sent in its REGISTER message (the package id on a real peer). */
    String registeredChaincodeId();

    /** The world state this connection reads from and commits to. */
    WorldState worldState();

    /** Submits a transaction: on success (status below 400) its writes are committed to the world state. */
    TransactionResult invoke(String function, String... args);

    /** Like {@link #invoke}, without waiting. */
    CompletableFuture<TransactionResult> invokeAsync(String function, String... args);

    /** Evaluates a transaction: its writes, if any, are discarded. */
    TransactionResult query(String function, String... args);

    /** Sends an {@code INIT} message (what {@code --isInit} does for a chaincode committed with init required). */
    TransactionResult init(String function, String... args);

    /** Sends raw byte arguments (function name first) as a transaction; commits on success if {@code commit}. */
    TransactionResult send(List<byte[]> args, boolean commit);

    /** Whether the stream is still open. */
    boolean isOpen();

    /** Closes the stream and the channel. */
    @Override
    void close();
}
