package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.marbles.MarblesChaincode;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A training run for an application class-data-sharing archive: starts the server on a loopback port, loads what the
 * first peer connection needs, stops, and exits normally so the JVM can write the archive. The Dockerfile runs it
 * once at build time; the server then starts with the archive mapped instead of parsing and verifying ~3 000
 * classes from the jar.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=marbles.jsa -cp weft-chaincode-marbles-<version>-runner.jar \
 *     dev.weft.chaincode.marbles.server.ClassDataSharingTraining
 * java -XX:SharedArchiveFile=marbles.jsa -jar weft-chaincode-marbles-<version>-runner.jar
 * }</pre>
 */
public final class ClassDataSharingTraining {

    private ClassDataSharingTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException, ClassNotFoundException {
        Thread warmup = Warmup.start();
        try (ChaincodeServer server = ChaincodeServer.start(
                ServerConfig.plaintext(new InetSocketAddress("127.0.0.1", 0), "training"), new MarblesChaincode())) {
            warmup.join();
            Class.forName("dev.weft.chaincode.marbles.MarbleJson");
            System.out.println("class-data-sharing training: server started on port " + server.port() + " and stopped");
        }
    }
}
