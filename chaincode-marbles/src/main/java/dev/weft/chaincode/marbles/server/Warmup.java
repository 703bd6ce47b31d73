package dev.weft.chaincode.marbles.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads, on a second thread while the main thread binds the server, the classes the first peer connection needs:
 * the shim's {@code ChaincodeBase} (whose static initializer registers the BouncyCastle provider, the largest single
 * cost), the invocation task manager, the chaincode protobuf messages and the JSON mapper. On a two-core machine
 * this takes that work off the path from start to REGISTER instead of doing it when the peer dials.
 */
final class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

    private static final List<String> CLASSES = List.of(
            "dev.weft.chaincode.marbles.server.ConnectionChaincode",
            "org.hyperledger.fabric.shim.impl.InvocationTaskManager",
            "org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask",
            "org.hyperledger.fabric.protos.peer.ChaincodeMessage",
            "org.hyperledger.fabric.protos.peer.ChaincodeInput",
            "org.hyperledger.fabric.protos.peer.Proposal",
            "org.hyperledger.fabric.protos.common.ChannelHeader",
            "org.hyperledger.fabric.shim.impl.InvocationStubImpl",
            "dev.weft.chaincode.marbles.MarblesChaincode",
            "dev.weft.chaincode.marbles.MarbleJson");

    private Warmup() {}

    /** Starts loading in the background; never fails the server (a class that fails here fails later, visibly). */
    static Thread start() {
        Thread thread = new Thread(Warmup::run, "chaincode-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run() {
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.log(Level.FINE, e, () -> "warm-up could not load " + name);
            }
        }
    }
}
