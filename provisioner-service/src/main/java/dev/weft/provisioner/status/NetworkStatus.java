package dev.weft.provisioner.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.events.NetworkReady;
import dev.weft.events.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /api/v1/networks/{name}} answers and what the service keeps on disk: the phase, one condition per
 * step in workflow order, the last error, and once ready the connection facts. Immutable; the {@code with…} methods
 * return changed copies. Never holds key material: admin identities are references such as {@code file:/…/msp}.
 *
 * <pre>{@code
 * NetworkStatus s = NetworkStatus.pending("demo", "local", specHash, now)
 *         .withCondition(StepCondition.started("crypto", now), now);
 * s.condition("crypto").status(); // STARTED
 * }</pre>
 *
 * @param network the network name
 * @param runtime {@code local} or {@code kubernetes}
 * @param phase where the network stands
 * @param specHash SHA-256 of the spec (defaults applied) last submitted, to tell a re-submission from a change
 * @param conditions the steps that have run so far, in workflow order
 * @param lastError the error of the failed step, or {@code null}
 * @param notes facts worth knowing that are not errors, e.g. that local CAs were skipped
 * @param createdAt when the network was first submitted
 * @param updatedAt when this status last changed
 * @param connection the connection facts published in {@code NetworkReady}, once ready
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkStatus(
        String network,
        String runtime,
        Phase phase,
        String specHash,
        List<StepCondition> conditions,
        String lastError,
        List<String> notes,
        Instant createdAt,
        Instant updatedAt,
        NetworkReady connection) {

    public NetworkStatus {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(phase, "phase");
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A freshly accepted network. */
    public static NetworkStatus pending(String network, String runtime, String specHash, Instant now) {
        return new NetworkStatus(network, runtime, Phase.PENDING, specHash, List.of(), null, List.of(), now, now, null);
    }

    /** The condition of {@code step}, or {@code null} when it has not run. */
    public StepCondition condition(String step) {
        return conditions.stream()
                .filter(c -> c.step().equals(step))
                .findFirst()
                .orElse(null);
    }

    /** Whether {@code step} last ended with success or a skip. */
    public boolean isDone(String step) {
        StepCondition c = condition(step);
        return c != null && (c.status() == StepStatus.SUCCEEDED || c.status() == StepStatus.SKIPPED);
    }

    /** A copy in another phase. */
    public NetworkStatus withPhase(Phase next, Instant now) {
        return new NetworkStatus(
                network, runtime, next, specHash, conditions, lastError, notes, createdAt, now, connection);
    }

    /** A copy for a new run of the workflow: new phase and spec hash, error cleared, conditions kept until re-run. */
    public NetworkStatus restarted(String runtimeName, String hash, Instant now) {
        return new NetworkStatus(
                network,
                runtimeName,
                Phase.PROVISIONING,
                hash,
                conditions,
                null,
                List.of(),
                createdAt,
                now,
                connection);
    }

    /** A copy with {@code condition} replacing the one of the same step, or appended. */
    public NetworkStatus withCondition(StepCondition condition, Instant now) {
        List<StepCondition> next = new ArrayList<>(conditions);
        next.removeIf(c -> c.step().equals(condition.step()));
        next.add(condition);
        return new NetworkStatus(network, runtime, phase, specHash, next, lastError, notes, createdAt, now, connection);
    }

    /** A failed copy. */
    public NetworkStatus failed(String error, Instant now) {
        return new NetworkStatus(
                network, runtime, Phase.FAILED, specHash, conditions, error, notes, createdAt, now, connection);
    }

    /** A ready copy carrying the connection facts. */
    public NetworkStatus ready(NetworkReady facts, Instant now) {
        return new NetworkStatus(
                network, runtime, Phase.READY, specHash, conditions, null, notes, createdAt, now, facts);
    }

    /** A copy with one more note (kept once). */
    public NetworkStatus withNote(String note, Instant now) {
        if (notes.contains(note)) {
            return this;
        }
        List<String> next = new ArrayList<>(notes);
        next.add(note);
        return new NetworkStatus(
                network, runtime, phase, specHash, conditions, lastError, next, createdAt, now, connection);
    }
}
