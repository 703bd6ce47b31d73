package dev.weft.provisioner.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The provisioner's settings, {@code weft.provisioner.*}.
 *
 * <pre>{@code
 * weft.provisioner.runtime=local
 * weft.provisioner.work-dir=.weft/networks
 * weft.provisioner.local.fabric-bin=${FABRIC_BIN:}
 * weft.provisioner.timeouts.nodes-ready=120s
 * }</pre>
 */
@ConfigMapping(prefix = "weft.provisioner")
public interface ProvisionerConfig {

    /** Where networks run: {@code local} processes or {@code kubernetes}. */
    @WithDefault("local")
    RuntimeKind runtime();

    /**
     * Folder holding one sub-folder per network (status, spec, crypto material, genesis blocks, local node data);
     * relative paths are resolved against the process's working folder.
     */
    @WithDefault(".weft/networks")
    Path workDir();

    /** Whether networks left in phase {@code PROVISIONING} by a stopped service are resumed at start-up. */
    @WithDefault("true")
    boolean resumeOnStart();

    /** Settings of the local-process runtime. */
    Local local();

    /** A network to provision at every start, without a call to the API. */
    Bootstrap bootstrap();

    /** How long steps may wait. */
    Timeouts timeouts();

    /** The runtimes. */
    enum RuntimeKind {
        LOCAL,
        KUBERNETES;

        /** {@code local} or {@code kubernetes}, as in events. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Local runtime settings. */
    interface Local {
        /** Folder with the Fabric binaries ({@code peer}, {@code orderer}, optional {@code fabric-ca-server}). */
        Optional<Path> fabricBin();

        /**
         * Folder with Fabric's sample {@code core.yaml} and {@code orderer.yaml}; default {@code <fabric-bin>/../config}
         * as in the release archive.
         */
        Optional<Path> fabricConfig();
    }

    /** Start-up provisioning ({@link SpecFileBootstrap}). */
    interface Bootstrap {
        /**
         * A {@code NetworkSpec} (JSON or YAML) submitted at every start; a network already ready from the same spec is
         * left alone. The Helm chart points this at its {@code network} values.
         */
        Optional<Path> specFile();
    }

    /** Step time limits. */
    interface Timeouts {
        /** How long every node may take to report healthy. */
        @WithDefault("120s")
        Duration nodesReady();

        /** Deadline of one admin call (osnadmin, cscc). */
        @WithDefault("30s")
        Duration adminCall();

        /** How long joins are retried while a freshly started node still refuses them. */
        @WithDefault("60s")
        Duration join();
    }
}
