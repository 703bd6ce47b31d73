package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.marbles.MarblesChaincode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the marbles chaincode as an external chaincode server, configured by environment variables (see
 * {@link ServerConfig}). Exits with status 2 and a message naming the variable when a setting is missing or wrong;
 * SIGTERM lets running transactions finish and stops.
 *
 * <pre>{@code
 * CHAINCODE_SERVER_ADDRESS=0.0.0.0:9999 CHAINCODE_ID=marbles_1.0:5f2a... \
 *   java -jar chaincode-marbles/target/weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar
 * }</pre>
 */
public final class ChaincodeServerMain {

    /** Exit status for a configuration error. */
    public static final int EXIT_CONFIG = 2;
    /** Exit status when the address cannot be bound. */
    public static final int EXIT_BIND = 3;

    static final String LOG_LEVEL = "CORE_CHAINCODE_LOGGING_LEVEL";
    static final String SHIM_LOG_LEVEL = "CORE_CHAINCODE_LOGGING_SHIM";

    // Strong references: java.util.logging holds loggers weakly, and a collected logger forgets its level.
    private static final Logger WEFT_LOGGER = Logger.getLogger("dev.weft");
    private static final Logger SHIM_LOGGER = Logger.getLogger("org.hyperledger");
    private static final Logger SHIM_TASK_LOGGER =
            Logger.getLogger("org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask");
    private static final Logger LOG = Logger.getLogger(ChaincodeServerMain.class.getName());

    private ChaincodeServerMain() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        configureLogging(env);
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            System.err.println("weft-chaincode-marbles: invalid configuration: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        Warmup.start();
        ChaincodeServer server;
        try {
            server = ChaincodeServer.start(config, new MarblesChaincode());
        } catch (ConfigException e) {
            System.err.println("weft-chaincode-marbles: invalid configuration: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        } catch (IOException e) {
            System.err.println("weft-chaincode-marbles: cannot listen on " + ServerConfig.SERVER_ADDRESS + "="
                    + config.address() + ": " + e.getMessage());
            System.exit(EXIT_BIND);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "chaincode-shutdown"));
        LOG.info(() -> String.format(
                "serving chaincode %s on %s:%d (%s), ready %d ms after JVM start",
                config.chaincodeId(),
                config.address().getHostString(),
                server.port(),
                config.tls().map(tls -> tls.mutual() ? "mutual TLS" : "TLS").orElse("plaintext"),
                sinceStart().toMillis()));
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs in the shutdown hook. java.util.logging resets its handlers in a shutdown hook of its own, so these lines
     * go straight to stderr (as the shim's server does) rather than through a logger that may already be closed.
     */
    private static void stop(ChaincodeServer server) {
        System.err.println(
                Instant.now() + " INFO    weft-chaincode-marbles: stopping, letting running transactions finish");
        server.close();
        System.err.println(Instant.now() + " INFO    weft-chaincode-marbles: stopped");
    }

    private static Duration sinceStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }

    /** One line per record; our level from CORE_CHAINCODE_LOGGING_LEVEL, the shim's from CORE_CHAINCODE_LOGGING_SHIM. */
    private static void configureLogging(Map<String, String> env) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty(
                    "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n");
        }
        Level ours = level(env.get(LOG_LEVEL), Level.INFO);
        // The shim logs every connection's settings at INFO; keep that out of the log unless asked for.
        Level shim = level(env.get(SHIM_LOG_LEVEL), Level.WARNING);
        WEFT_LOGGER.setLevel(ours);
        SHIM_LOGGER.setLevel(shim);
        if (env.get(SHIM_LOG_LEVEL) == null) {
            // The shim logs every error response (a refused marble call) as SEVERE "Invoke failed"; the chaincode
            // never throws, so that logger has nothing else to say.
            SHIM_TASK_LOGGER.setLevel(Level.OFF);
        }
        if (ours.intValue() < Level.INFO.intValue() || shim.intValue() < Level.INFO.intValue()) {
            // The default console handler drops everything below INFO whatever the logger says.
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setLevel(Level.ALL);
            }
        }
    }

    /** Fabric's level names (as the shim maps them). */
    static Level level(String name, Level fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "CRITICAL", "ERROR" -> Level.SEVERE;
            case "WARNING", "WARN" -> Level.WARNING;
            case "INFO" -> Level.INFO;
            case "NOTICE" -> Level.CONFIG;
            case "DEBUG" -> Level.FINEST;
            default -> fallback;
        };
    }
}
