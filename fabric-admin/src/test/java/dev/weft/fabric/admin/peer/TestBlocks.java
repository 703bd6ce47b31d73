package dev.weft.fabric.admin.peer;

import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;

/** Blocks with just enough structure for the admin clients: one CONFIG envelope naming the channel. */
public final class TestBlocks {

    private TestBlocks() {}

    public static byte[] genesis(String channel) {
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_VALUE)
                .setChannelId(channel)
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString()))
                .build();
        Envelope envelope =
                Envelope.newBuilder().setPayload(payload.toByteString()).build();
        return Block.newBuilder()
                .setData(BlockData.newBuilder().addData(envelope.toByteString()))
                .build()
                .toByteArray();
    }
}
