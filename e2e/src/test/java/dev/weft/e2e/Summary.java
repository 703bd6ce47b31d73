package dev.weft.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table printed at the end of the e2e run: every step, how long it took and what it found. */
final class Summary {

    private static final List<String[]> ROWS = new ArrayList<>();

    private Summary() {}

    /** A step being timed. */
    static final class Step {
        private final String name;
        private final long start = System.nanoTime();

        private Step(String name) {
            this.name = name;
        }

        /** Records the step with its duration and {@code result}. */
        void done(String result) {
            synchronized (ROWS) {
                ROWS.add(new String[] {name, String.format("%.1f s", (System.nanoTime() - start) / 1e9), result});
            }
        }
    }

    static Step start(String name) {
        return new Step(name);
    }

    static void print(PrintStream out) {
        synchronized (ROWS) {
            out.println();
            out.println("| step | time | result |");
            out.println("| --- | --- | --- |");
            for (String[] row : ROWS) {
                out.println("| " + row[0] + " | " + row[1] + " | " + row[2].replace("|", "/") + " |");
            }
            out.println();
        }
    }
}
