package dev.weft.e2e;

import dev.weft.e2e.Suite.Api;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Client threads that keep creating and reading marbles through the gateway's REST API while something else happens
 * to the suite, and record every call: how many failed, with which answers, and the longest time one client went
 * without a successful call.
 *
 * <pre>{@code
 * try (ClientLoad load = ClientLoad.start(suite, "up", 3)) {
 *     ... upgrade, kill a process ...
 *     load.awaitSuccessesAfter(Instant.now(), 3, Duration.ofMinutes(2));
 * }
 * load.failedCalls(); load.longestFailingWindow();
 * }</pre>
 */
final class ClientLoad implements AutoCloseable {

    /** One call: what, when (System.nanoTime), and how it ended (HTTP status, or 0 when no answer arrived). */
    record Call(int client, String operation, long startNanos, long endNanos, int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Suite suite;
    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private ClientLoad(Suite suite, String prefix) {
        this.suite = suite;
        this.prefix = prefix;
    }

    /** Starts {@code clients} threads, each creating {@code <prefix>-<client>-<n>} and reading it back. */
    static ClientLoad start(Suite suite, String prefix, int clients) {
        ClientLoad load = new ClientLoad(suite, prefix);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> load.run(client), "e2e-client-" + prefix + "-" + c);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(int client) {
        for (int n = 0; running.get(); n++) {
            String name = prefix + "-" + client + "-" + n;
            Call create = call(
                    client,
                    "create",
                    "POST",
                    "/api/v1/marbles",
                    "{\"name\":\"" + name + "\",\"color\":\"green\",\"size\":" + (n % 90 + 1) + ",\"owner\":\"e2e\"}");
            if (create.ok()) {
                created.add(name);
                call(client, "read", "GET", "/api/v1/marbles/" + name, null);
            } else {
                pause();
            }
        }
    }

    private Call call(int client, String operation, String method, String path, String body) {
        long start = System.nanoTime();
        int status;
        String text;
        try {
            HttpResponse<String> response = suite.send(Api.GATEWAY, method, path, body);
            status = response.statusCode();
            text = response.body();
        } catch (Exception e) {
            status = 0;
            text = e.toString();
        }
        Call call = new Call(client, operation, start, System.nanoTime(), status, text);
        calls.add(call);
        return call;
    }

    /** Waits until every client made {@code count} successful creates that started after {@code sinceNanos}. */
    void awaitSuccessesAfter(long sinceNanos, int count, Duration timeout) {
        Suite.await(
                "every client creates " + count + " marbles after the fault; last answers: " + lastFailures(),
                timeout,
                () -> {
                    for (int c = 0; c < threads.size(); c++) {
                        int client = c;
                        long ok = calls.stream()
                                .filter(call -> call.client() == client
                                        && call.operation().equals("create")
                                        && call.startNanos() >= sinceNanos
                                        && call.ok())
                                .count();
                        if (ok < count) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Stops the clients and waits for their last calls. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> failures() {
        return calls.stream().filter(c -> !c.ok()).toList();
    }

    /** The marbles whose create answered 201. */
    Set<String> created() {
        return Set.copyOf(created);
    }

    /** How many calls failed, by HTTP status (0: no answer). */
    Map<Integer, Long> failuresByStatus() {
        return failures().stream().collect(Collectors.groupingBy(Call::status, TreeMap::new, Collectors.counting()));
    }

    /**
     * The longest time one client went without service: from the start of the first failed call of a run of
     * failures to the start of the client's next successful call (or the end of its last failed call).
     */
    Duration longestFailingWindow() {
        long longest = 0;
        for (int c = 0; c < threads.size(); c++) {
            int client = c;
            List<Call> mine = calls.stream()
                    .filter(call -> call.client() == client)
                    .sorted(Comparator.comparingLong(Call::startNanos))
                    .toList();
            Long failingSince = null;
            long lastFailureEnd = 0;
            for (Call call : mine) {
                if (!call.ok()) {
                    failingSince = failingSince == null ? call.startNanos() : failingSince;
                    lastFailureEnd = call.endNanos();
                } else if (failingSince != null) {
                    longest = Math.max(longest, call.startNanos() - failingSince);
                    failingSince = null;
                }
            }
            if (failingSince != null) {
                longest = Math.max(longest, lastFailureEnd - failingSince);
            }
        }
        return Duration.ofNanos(longest);
    }

    /** One line for the summary: calls, failures by status, longest failing window. */
    String describe() {
        return calls.size() + " calls, " + failures().size() + " failed " + failuresByStatus()
                + ", longest failing window "
                + String.format("%.1f s", longestFailingWindow().toMillis() / 1000.0);
    }

    private String lastFailures() {
        List<Call> failed = failures();
        return failed.subList(Math.max(0, failed.size() - 3), failed.size()).stream()
                .map(c -> c.status() + " " + abbreviate(c.body()))
                .toList()
                .toString();
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
