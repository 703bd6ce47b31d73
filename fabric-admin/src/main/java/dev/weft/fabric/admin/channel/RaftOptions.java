package dev.weft.fabric.admin.channel;

import java.time.Duration;
import org.hyperledger.fabric.protos.orderer.etcdraft.Options;

/**
 * etcdraft tuning ({@code Orderer.EtcdRaft.Options} in {@code configtx.yaml}).
 *
 * @param tickInterval time between raft ticks
 * @param electionTick ticks without a leader message before an election
 * @param heartbeatTick ticks between leader heartbeats
 * @param maxInflightBlocks append messages in flight during optimistic replication
 * @param snapshotIntervalSize bytes of blocks between snapshots
 */
public record RaftOptions(
        Duration tickInterval, int electionTick, int heartbeatTick, int maxInflightBlocks, int snapshotIntervalSize) {

    /** Fabric's sample defaults: 500ms, 10, 1, 5, 16 MB. */
    public static final RaftOptions DEFAULTS = new RaftOptions(Duration.ofMillis(500), 10, 1, 5, 16 * 1024 * 1024);

    public RaftOptions {
        if (tickInterval == null || tickInterval.isNegative() || tickInterval.isZero()) {
            throw new InvalidChannelProfileException("raft tick interval must be positive, got " + tickInterval);
        }
        if (heartbeatTick <= 0 || electionTick <= heartbeatTick) {
            throw new InvalidChannelProfileException(
                    "raft needs 0 < heartbeatTick (" + heartbeatTick + ") < electionTick (" + electionTick + ")");
        }
        if (maxInflightBlocks <= 0 || snapshotIntervalSize <= 0) {
            throw new InvalidChannelProfileException(
                    "raft maxInflightBlocks and snapshotIntervalSize must be positive");
        }
    }

    Options toProto() {
        return Options.newBuilder()
                .setTickInterval(GoDuration.format(tickInterval))
                .setElectionTick(electionTick)
                .setHeartbeatTick(heartbeatTick)
                .setMaxInflightBlocks(maxInflightBlocks)
                .setSnapshotIntervalSize(snapshotIntervalSize)
                .build();
    }
}
