package dev.weft.fabric.admin.orderer;

/**
 * An orderer's view of one channel, as the channel participation API reports it.
 *
 * @param name the channel name
 * @param url the API path of the channel
 * @param consensusRelation {@code consenter}, {@code follower} or {@code config-tracker}
 * @param status {@code active}, {@code onboarding}, {@code inactive} or {@code failed}
 * @param height the ledger height
 */
public record OsnChannel(String name, String url, String consensusRelation, String status, long height) {}
