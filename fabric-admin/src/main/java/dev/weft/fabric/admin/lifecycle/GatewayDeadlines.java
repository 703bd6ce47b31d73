package dev.weft.fabric.admin.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines of the Fabric Gateway calls.
 *
 * @param evaluate queries
 * @param endorse collecting endorsements
 * @param submit handing the transaction to the orderer
 * @param commitStatus waiting for the transaction to be committed in a block
 */
public record GatewayDeadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {

    /** The deadlines of the Fabric samples, with more time to endorse because lifecycle calls touch several peers. */
    public static final GatewayDeadlines DEFAULT = new GatewayDeadlines(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(1));

    public GatewayDeadlines {
        Objects.requireNonNull(evaluate, "evaluate");
        Objects.requireNonNull(endorse, "endorse");
        Objects.requireNonNull(submit, "submit");
        Objects.requireNonNull(commitStatus, "commitStatus");
    }
}
