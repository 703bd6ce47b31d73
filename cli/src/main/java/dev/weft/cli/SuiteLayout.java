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
 * @param gatewayIdentity whose Fabric identity the gateway signs with
 * @param auth whether the services authenticate callers (with the keys file in {@link #securityDir()}); false turns
 *     authentication off ({@code --no-auth})
 */
record SuiteLayout(
        Path repository,
        Path workDir,
        SuitePorts ports,
        Path fabricBin,
        String java,
        String cliClasspath,
        GatewayIdentity gatewayIdentity,
        boolean auth) {

    /** The gateway's {@code weft.gateway.identity.mode}. */
    enum GatewayIdentity {
        /** User1 of org1 signs for everyone. */
        ORG,
        /** Each authenticated caller gets an identity enrolled with org1's Fabric CA; anonymous callers use User1. */
        PER_CALLER;

        static GatewayIdentity parse(String name, String value) {
            return switch (value.trim()) {
                case "org" -> ORG;
                case "per-caller" -> PER_CALLER;
                default -> throw new IllegalArgumentException(name + " must be org or per-caller, was '" + value + "'");
            };
        }
    }

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
                        "-Dweft.provisioner.work-dir=" + provisionerWorkDir(),
                        "-Dweft.provisioner.local.fabric-bin=" + fabricBin));
    }

    Part lifecycle() {
        return service(
                "lifecycle-service",
                ports.lifecycle(),
                List.of(
                        "-Dweft.lifecycle.runtime=local",
                        "-Dweft.lifecycle.work-dir=" + workDir.resolve("lifecycle"),
                        "-Dweft.lifecycle.chaincode-jar=" + marblesJar()));
    }

    /**
     * The gateway acts for org1 with its {@code User1} identity, through org1's peer; the files are the provisioner's
     * (cryptogen layout, org domain {@code <org>.<network>}), and exist once the network's crypto step ran. With
     * per-caller identities it enrolls callers with org1's CA ({@code org1-ca}, plain HTTP at the org's port block
     * {@code +90}, as the provisioner's local runtime runs it) as its bootstrap registrar, whose password the
     * provisioner keeps in the CA's node folder.
     */
    Part gateway() {
        String domain = "org1." + NETWORK;
        Path org = provisionerWorkDir()
                .resolve(NETWORK)
                .resolve("crypto/peerOrganizations")
                .resolve(domain);
        Path user = org.resolve("users/User1@" + domain + "/msp");
        List<String> settings = new ArrayList<>(List.of(
                "-Dweft.gateway.peers[0].address=127.0.0.1:" + (ports.fabric() + 100),
                "-Dweft.gateway.peers[0].tls-ca-cert=" + org.resolve("tlsca/tlsca." + domain + "-cert.pem"),
                "-Dweft.gateway.identity.msp-id=Org1MSP",
                "-Dweft.gateway.identity.cert-path=" + user.resolve("signcerts/User1@" + domain + "-cert.pem"),
                "-Dweft.gateway.identity.key-path=" + user.resolve("keystore/priv_sk"),
                "-Dweft.gateway.events.checkpoint-file=" + workDir.resolve("gateway/marbles-events.checkpoint")));
        if (gatewayIdentity == GatewayIdentity.PER_CALLER) {
            settings.addAll(List.of(
                    "-Dweft.gateway.identity.mode=per-caller",
                    "-Dweft.gateway.identity.per-caller.ca-url=http://127.0.0.1:" + (ports.fabric() + 190),
                    "-Dweft.gateway.identity.per-caller.registrar-id=admin",
                    "-Dweft.gateway.identity.per-caller.registrar-secret-file="
                            + provisionerWorkDir().resolve(NETWORK).resolve("nodes/org1-ca/bootstrap-admin-password"),
                    "-Dweft.gateway.identity.per-caller.store-dir=" + workDir.resolve("gateway/caller-identities")));
        }
        return service("gateway-api", ports.gateway(), settings);
    }

    /** Where the local API key and the keys file the services read are kept. */
    Path securityDir() {
        return workDir.resolve("security");
    }

    Path provisionerWorkDir() {
        return workDir.resolve("provisioner");
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
        command.add(
                auth
                        ? "-Dweft.security.api-keys.file=" + new LocalApiKey(securityDir()).keysFile()
                        : "-Dweft.security.enabled=false");
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
