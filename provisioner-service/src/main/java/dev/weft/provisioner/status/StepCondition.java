package dev.weft.provisioner.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.events.StepStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one workflow step stands, with its timestamps.
 *
 * <pre>{@code
 * StepCondition c = StepCondition.started("genesis", now).finished(StepStatus.SUCCEEDED, "mychannel: block 0", later);
 * c.durationMillis(); // later - now in milliseconds
 * }</pre>
 *
 * @param step the step name, e.g. {@code genesis}
 * @param status {@code STARTED}, {@code SUCCEEDED}, {@code SKIPPED} or {@code FAILED}
 * @param message what happened, for a human; never key material
 * @param startedAt when the step began
 * @param finishedAt when it ended, or {@code null} while it runs
 * @param durationMillis {@code finishedAt - startedAt}, or {@code null} while it runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepCondition(
        String step, StepStatus status, String message, Instant startedAt, Instant finishedAt, Long durationMillis) {

    public StepCondition {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A step that has just begun. */
    public static StepCondition started(String step, Instant now) {
        return new StepCondition(step, StepStatus.STARTED, null, now, null, null);
    }

    /** This step ended with {@code status}. */
    public StepCondition finished(StepStatus outcome, String text, Instant now) {
        return new StepCondition(step, outcome, text, startedAt, now, now.toEpochMilli() - startedAt.toEpochMilli());
    }
}
