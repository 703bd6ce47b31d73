package dev.weft.lifecycle.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the lifecycle service, under {@code weft.lifecycle}. */
@ConfigMapping(prefix = "weft.lifecycle")
public interface LifecycleConfig {

    /** Where chaincode servers run: {@code local} (processes on 127.0.0.1) or {@code kubernetes}. */
    @WithDefault("local")
    String runtime();

    /** Folder for status files, packages, TLS material, PID files and server logs. */
    @WithDefault("target/weft-lifecycle")
    String workDir();

    /** The chaincode server jar used locally when a spec names neither a command nor a jar. */
    @WithDefault("../chaincode-marbles/target/weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar")
    String chaincodeJar();

    /** Image used on Kubernetes when a spec names none. */
    @WithDefault("ghcr.io/weft/chaincode-marbles:0.1.0")
    String chaincodeImage();

    /**
     * How often the local runtime checks that the servers of ready chaincodes still run, and starts the stopped ones
     * again; {@code 0s} turns the check off. Kubernetes restarts its pods itself and ignores this.
     */
    @WithDefault("5s")
    Duration superviseInterval();

    /** Timeouts of the workflow steps. */
    Timeouts timeouts();

    /** Chaincodes deployed automatically when a network becomes ready. */
    AutoDeploy autoDeploy();

    /** Step timeouts. */
    interface Timeouts {
        /** How long a chaincode server may take to accept connections. */
        @WithDefault("60s")
        Duration serverStart();

        /** How long an install may take (the peer runs the builder). */
        @WithDefault("2m")
        Duration install();

        /** How long approvals may take, retries on a settling network included. */
        @WithDefault("90s")
        Duration approve();

        /** How long the commit may take, retries included. */
        @WithDefault("90s")
        Duration commit();

        /**
         * The peer's {@code dial_timeout} in {@code connection.json}: how long the peer waits for an unreachable
         * chaincode server before it reports an error (its own default would leave a transaction hanging far longer).
         */
        @WithDefault("10s")
        Duration dial();

        /** Deadline of the init transaction and of its retries while the new servers register. */
        @WithDefault("60s")
        Duration init();
    }

    /** Automatic deployment on {@code NetworkReady}. */
    interface AutoDeploy {
        /** Whether a {@code NetworkReady} event deploys the configured chaincodes. */
        @WithDefault("true")
        boolean enabled();

        /** The chaincode names to deploy (only {@code marbles} has a built-in spec). */
        @WithDefault("marbles")
        List<String> chaincodes();

        /** The version deployed automatically. */
        @WithDefault("1.0")
        String version();

        /** The TLS mode of automatic deployments. */
        @WithDefault("mtls")
        String tls();

        /** The endorsement policy of automatic deployments; the channel default when absent. */
        Optional<String> endorsementPolicy();
    }
}
