package dev.weft.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the suite once per test JVM with {@code ./weft up}, for every e2e class that uses it, and stops it with
 * {@code ./weft down} when the last class has run; then prints the {@link Summary}. One start instead of one per
 * class is what keeps the whole e2e tier within its time budget.
 *
 * <pre>{@code
 * @ExtendWith(SharedSuite.class)
 * class SomeE2eIT {
 *     Suite suite = SharedSuite.suite();
 * }
 * }</pre>
 */
final class SharedSuite implements BeforeAllCallback {

    private static Suite suite;

    /** The running suite; only valid in classes extended with this extension. */
    static synchronized Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("the suite is not started: extend the class with SharedSuite");
        }
        return suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedSuite.class) {
            if (suite != null) {
                return;
            }
            Suite starting = new Suite(Files.createTempDirectory("weft-e2e-"), Suite.portBaseFromProperties());
            // Registered before up runs: a failed start still gets its down and its summary.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedSuite.class, new Stopper(starting));
            Summary.Step step = Summary.start("./weft up (network, channel, marbles with mTLS)");
            String output = starting.weft("up", Duration.ofMinutes(15));
            step.done(readyLine(output));
            suite = starting;
        }
    }

    private static String readyLine(String output) {
        return output.lines()
                .filter(l -> l.startsWith("Weft is ready"))
                .findFirst()
                .orElse("ready");
    }

    /** Closed by JUnit when the root store closes, after the last class. */
    private record Stopper(Suite suite) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            List<String> left;
            try {
                Summary.Step step = Summary.start("./weft down");
                suite.weft("down", Duration.ofMinutes(3));
                left = suite.recordedProcessesAlive();
                step.done(left.isEmpty() ? "no recorded process left running" : "still running: " + left);
            } finally {
                Summary.print(System.out);
                Path work = suite.workDir();
                System.out.println("work folder (logs, status): " + work);
            }
            if (!left.isEmpty()) {
                throw new AssertionError("./weft down left processes running: " + left);
            }
        }
    }
}
