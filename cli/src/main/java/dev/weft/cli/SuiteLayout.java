package dev.weft.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./weft up} starts, in order, and how: the command line of each part. Pure: no I/O.
 *
 * @param repository the Weft checkout (the services are run from their build output there)
 * @param workDir where every part keeps its data and logs ({@code .weft} by default)
 * @param ports the suite's ports
 * @param fabricBin the Fabric binaries folder
 * @param java the java executable
 * @param cliClasspath the classpath of this CLI, which also runs the embedded Kafka
 */
record SuiteLayout(Path repository, Path workDir, SuitePorts ports, Path fabricBin, String java, String cliClasspath) {

    /** The network {@code up} creates. */
    static final String NETWORK = "weft";

    /** The chaincode deployed on it. */
    static final String CHAINCODE = "marbles";

    /** One part of the suite. */
    record Part(String name, List<String> command, Map<String, String> environment, String healthUrl) {}

    List<Part> parts() {
        return List.of(kafka(), provisioner(), lifecycle(), gateway());
    }

    Part kafka() {
        return new Part(
                "kafka",
                List.of(
                        java,
                        "-Xmx512m",
                        "-cp",
                        cliClasspath,
                        "dev.weft.kafka.embedded.EmbeddedKafkaMain",
                        "--data-dir",
                        workDir.resolve("kafka").toString(),
                        "--port",
                        String.valueOf(ports.kafka()),
                        "--controller-port",
                        String.valueOf(ports.kafkaController())),
                Map.of(),
                null);
    }

    Part provisioner() {
        return service(
                "provisioner-service",
                ports.provisioner(),
                List.of(
                        "-Dweft.provisioner.runtime=local",
                        "-Dweft.provisioner.work-dir=" + workDir.resolve("provisioner"),
                        "-Dweft.provisioner.fabric-bin=" + fabricBin));
    }

    Part lifecycle() {
        return service(
                "lifecycle-service",
                ports.lifecycle(),
                List.of(
                        "-Dweft.lifecycle.runtime=local",
                        "-Dweft.lifecycle.work-dir=" + workDir.resolve("lifecycle"),
                        "-Dweft.lifecycle.local.port-base=" + ports.chaincode(),
                        "-Dweft.lifecycle.local.chaincode-jar=" + marblesJar()));
    }

    Part gateway() {
        return service(
                "gateway-api", ports.gateway(), List.of("-Dweft.gateway.work-dir=" + workDir.resolve("gateway")));
    }

    Path marblesJar() {
        return repository.resolve("chaincode-marbles/target/weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar");
    }

    Path quarkusRunJar(String module) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Part service(String module, int port, List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx384m");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dkafka.bootstrap.servers=127.0.0.1:" + ports.kafka());
        // The local run is for one developer on loopback; the services warn about this at start.
        command.add("-Dweft.security.enabled=false");
        command.addAll(settings);
        command.add("-jar");
        command.add(quarkusRunJar(module).toString());
        return new Part(
                module,
                command,
                Map.of("FABRIC_BIN", fabricBin.toString()),
                "http://127.0.0.1:" + port + "/q/health/ready");
    }
}
