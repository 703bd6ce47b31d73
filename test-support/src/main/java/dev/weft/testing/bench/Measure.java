package dev.weft.testing.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The measuring loops the benchmarks share: sequential latencies and concurrent throughput of one call, and
 * percentiles. Benchmarks print figures; they never assert on time.
 *
 * <pre>{@code
 * List<Long> nanos = Measure.latencies(name -> contract.evaluateTransaction("readMarble", name), "m1", 1000);
 * Collections.sort(nanos);
 * double p50 = Measure.millis(Measure.percentile(nanos, 50));
 * double txPerSecond = Measure.throughput(name -> rest.create(name), 200, 8);
 * }</pre>
 */
public final class Measure {

    /** One call of the operation under test, for a marble name. */
    @FunctionalInterface
    public interface Call {
        void run(String name) throws Exception;
    }

    private Measure() {}

    /** Runs {@code call} {@code count} times in a row on {@code name}; the nanoseconds of each, in call order. */
    public static List<Long> latencies(Call call, String name, int count) throws Exception {
        List<Long> nanos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run(name);
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    /**
     * Runs every call of {@code calls} once per round, in turn, for {@code rounds} rounds on {@code name}: the
     * nanoseconds of each call by its key. Interleaving call by call makes drift in the machine's load (other
     * processes, garbage collection, CPU frequency) fall on every series alike, which comparing blocks of calls
     * measured one after the other does not.
     */
    public static Map<String, List<Long>> interleaved(Map<String, Call> calls, String name, int rounds)
            throws Exception {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        calls.keySet().forEach(key -> nanos.put(key, new ArrayList<>(rounds)));
        for (int i = 0; i < rounds; i++) {
            for (Map.Entry<String, Call> call : calls.entrySet()) {
                long start = System.nanoTime();
                call.getValue().run(name);
                nanos.get(call.getKey()).add(System.nanoTime() - start);
            }
        }
        return nanos;
    }

    /** Runs {@code count} calls on fresh names from {@code threads} threads; calls per second. */
    public static double throughput(Call call, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String prefix = "bench-" + UUID.randomUUID() + "-";
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> {
                    call.run(name);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The {@code p}th percentile (nearest rank) of sorted values. */
    public static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Nanoseconds as milliseconds. */
    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
