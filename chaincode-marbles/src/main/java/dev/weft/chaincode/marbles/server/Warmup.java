package dev.weft.chaincode.marbles.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads, on a second thread while the main thread binds the server, the classes the first peer connection needs:
 * the shim's {@code ChaincodeBase} (whose static initializer registers the BouncyCastle provider, the largest single
 * cost), the invocation task manager and the chaincode protobuf messages. The JSON mapper, which REGISTER does not
 * need, is loaded after the first REGISTER so that it does not compete with it for the CPU. On a two-core machine
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
            "dev.weft.chaincode.marbles.MarblesChaincode");

    /** Needed by the first transaction, not by REGISTER: loaded once a peer has connected. */
    private static final List<String> FIRST_TRANSACTION = List.of("dev.weft.chaincode.marbles.MarbleJson");

    private static boolean firstTransactionStarted;

    private Warmup() {}

    /** Starts loading in the background; never fails the server (a class that fails here fails later, visibly). */
    static Thread start() {
        Thread thread = new Thread(Warmup::run, "chaincode-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Loads the JSON mapper (about 400 classes) in the background, once, after the first REGISTER went out. */
    static synchronized void afterRegister() {
        if (!firstTransactionStarted) {
            firstTransactionStarted = true;
            Thread thread = new Thread(() -> load(FIRST_TRANSACTION), "chaincode-warmup-json");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        load(CLASSES);
    }

    private static void load(List<String> classes) {
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : classes) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.log(Level.FINE, e, () -> "warm-up could not load " + name);
            }
        }
    }
}
