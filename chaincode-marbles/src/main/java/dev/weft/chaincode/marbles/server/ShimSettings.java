package dev.weft.chaincode.marbles.server;

import java.util.Properties;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.traces.Traces;

/**
 * The shim properties this server runs with, and the one-time set-up the shim expects before the first connection.
 * Metrics and tracing stay off: the OpenTelemetry set-up costs seconds at start-up and its SDK is not on the
 * classpath at all (see the exclusions in pom.xml).
 */
final class ShimSettings {

    private static boolean initialized;

    private ShimSettings() {}

    static Properties properties(int transactionThreads) {
        Properties properties = new Properties();
        properties.setProperty("CHAINCODE_METRICS_ENABLED", "false");
        properties.setProperty("CHAINCODE_TRACES_ENABLED", "false");
        // The shim's pool grows past the core size only when its queue is full, so core = max.
        properties.setProperty("TP_CORE_POOL_SIZE", Integer.toString(transactionThreads));
        properties.setProperty("TP_MAX_POOL_SIZE", Integer.toString(transactionThreads));
        properties.setProperty("TP_QUEUE_SIZE", "5000");
        properties.setProperty("TP_KEEP_ALIVE_MS", "5000");
        return properties;
    }

    /** The invocation task manager asks {@link Metrics} and the task asks {@link Traces} for providers: set both. */
    static synchronized void initialize(Properties properties) {
        if (!initialized) {
            Metrics.initialize(properties);
            Traces.initialize(properties);
            initialized = true;
        }
    }
}
