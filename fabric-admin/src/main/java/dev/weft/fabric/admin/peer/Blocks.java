package dev.weft.fabric.admin.peer;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/** Reads what admin operations need from a serialized block. */
public final class Blocks {

    private Blocks() {}

    /**
     * The channel id in the header of the block's first envelope.
     *
     * <pre>{@code
     * String channel = Blocks.channelId(genesisBlockBytes);   // "mychannel"
     * }</pre>
     *
     * @throws IllegalArgumentException when the bytes are not a block with a channel header
     */
    public static String channelId(byte[] blockBytes) {
        try {
            Block block = Block.parseFrom(blockBytes);
            if (block.getData().getDataCount() == 0) {
                throw new IllegalArgumentException("block has no envelope");
            }
            Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
            Payload payload = Payload.parseFrom(envelope.getPayload());
            String channel = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
                    .getChannelId();
            if (channel.isEmpty()) {
                throw new IllegalArgumentException("block has no channel id");
            }
            return channel;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Fabric block: " + e.getMessage(), e);
        }
    }
}
