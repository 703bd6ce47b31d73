package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.marbles.MarblesChaincode;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.impl.InvocationTaskManager;

/**
 * One {@code Chaincode/Connect} stream from a peer, wired straight to the shim's {@link InvocationTaskManager}: the
 * chaincode sends REGISTER as soon as the peer connects, then runs each TRANSACTION on the task manager's pool.
 *
 * <p>This skips {@code ChaincodeBase.connectToPeer}, which also builds an unused client channel to a peer address
 * and demands the client-mode TLS variables ({@code CORE_TLS_CLIENT_*_PATH}) that a server has no use for.
 */
final class PeerConnection implements StreamObserver<ChaincodeMessage> {

    private static final Logger LOG = Logger.getLogger(PeerConnection.class.getName());

    private final ServerCallStreamObserver<ChaincodeMessage> toPeer;
    private final InvocationTaskManager tasks;
    private final Runnable onClose;
    private boolean open = true;

    private PeerConnection(
            ServerCallStreamObserver<ChaincodeMessage> toPeer, InvocationTaskManager tasks, Runnable onClose) {
        this.toPeer = toPeer;
        this.tasks = tasks;
        this.onClose = onClose;
    }

    /** Registers with the peer on a new stream. */
    static PeerConnection open(
            StreamObserver<ChaincodeMessage> toPeer,
            MarblesChaincode marbles,
            String chaincodeId,
            Properties shimProperties,
            Runnable onClose) {
        ServerCallStreamObserver<ChaincodeMessage> serverStream = (ServerCallStreamObserver<ChaincodeMessage>) toPeer;
        InvocationTaskManager tasks = InvocationTaskManager.getManager(
                new ConnectionChaincode(marbles, shimProperties),
                ChaincodeID.newBuilder().setName(chaincodeId).build());
        PeerConnection connection = new PeerConnection(serverStream, tasks, onClose);
        // Without a cancel handler, a transaction that finishes after the peer hung up would throw from onNext.
        serverStream.setOnCancelHandler(connection::peerGone);
        tasks.setResponseConsumer(connection::send);
        tasks.register();
        Warmup.afterRegister();
        return connection;
    }

    @Override
    public void onNext(ChaincodeMessage message) {
        tasks.onChaincodeMessage(message);
    }

    @Override
    public void onError(Throwable t) {
        LOG.log(Level.INFO, () -> "peer stream failed: " + t);
        peerGone();
    }

    @Override
    public void onCompleted() {
        LOG.fine("peer closed the stream");
        synchronized (this) {
            if (open) {
                open = false;
                toPeer.onCompleted();
            }
        }
        stopTasks();
    }

    /** Lets running transactions finish, then ends the stream (server shutdown). */
    void drainAndClose() {
        tasks.shutdown();
        synchronized (this) {
            if (open) {
                open = false;
                toPeer.onCompleted();
            }
        }
        onClose.run();
    }

    /** gRPC stream observers are not thread-safe and transactions complete on several threads. */
    private synchronized void send(ChaincodeMessage message) {
        if (open) {
            toPeer.onNext(message);
        }
    }

    private void peerGone() {
        synchronized (this) {
            open = false;
        }
        stopTasks();
    }

    private void stopTasks() {
        // The shim's shutdown waits for running tasks; never block a gRPC thread on that.
        Thread stopper = new Thread(
                () -> {
                    tasks.shutdown();
                    onClose.run();
                },
                "chaincode-connection-close");
        stopper.setDaemon(true);
        stopper.start();
    }
}
