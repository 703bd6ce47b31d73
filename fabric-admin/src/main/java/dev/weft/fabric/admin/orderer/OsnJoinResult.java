package dev.weft.fabric.admin.orderer;

import dev.weft.fabric.admin.peer.JoinOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of joining an orderer to a channel; both outcomes are success.
 *
 * @param outcome {@code JOINED} (HTTP 201) or {@code ALREADY_JOINED} (HTTP 405: the channel exists)
 * @param channel the channel as reported on a fresh join; empty when it existed already
 */
public record OsnJoinResult(JoinOutcome outcome, Optional<OsnChannel> channel) {

    public OsnJoinResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(channel, "channel");
    }
}
