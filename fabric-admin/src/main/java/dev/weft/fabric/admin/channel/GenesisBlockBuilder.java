package dev.weft.fabric.admin.channel;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * Builds the genesis block of an application channel, as {@code configtxgen -outputBlock} does: block 0 with one
 * unsigned CONFIG envelope holding {@code ConfigEnvelope{Config{sequence 0, channel_group}}}, data hash = SHA-256 of
 * the concatenated envelopes, and LAST_CONFIG / SIGNATURES metadata pointing at block 0.
 *
 * <p>Only two things in the block are not a function of the profile: the channel header timestamp (seconds, nanos 0)
 * and the 24-byte signature header nonce (the transaction id is derived from it). Both are injectable, so equal
 * inputs give byte-identical blocks:
 *
 * <pre>{@code
 * byte[] random = GenesisBlockBuilder.create().buildBytes(profile);
 * byte[] fixed = new GenesisBlockBuilder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> new byte[24])
 *         .buildBytes(profile);
 * }</pre>
 */
public final class GenesisBlockBuilder {

    static final int NONCE_SIZE = 24;
    private static final int MESSAGE_VERSION = 1;

    private final Clock clock;
    private final Supplier<byte[]> nonces;

    /** A builder with a custom clock (timestamp) and nonce source. */
    public GenesisBlockBuilder(Clock clock, Supplier<byte[]> nonces) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** A builder with the system clock and random nonces, as configtxgen. */
    public static GenesisBlockBuilder create() {
        SecureRandom random = new SecureRandom();
        return new GenesisBlockBuilder(Clock.systemUTC(), () -> {
            byte[] nonce = new byte[NONCE_SIZE];
            random.nextBytes(nonce);
            return nonce;
        });
    }

    /** The genesis block. */
    public Block build(ChannelProfile profile) {
        Objects.requireNonNull(profile, "profile");
        byte[] nonce = nonces.get();
        if (nonce == null || nonce.length == 0) {
            throw new ChannelConfigException("the nonce source returned no bytes");
        }
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_VALUE)
                .setVersion(MESSAGE_VERSION)
                .setTimestamp(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
                .setChannelId(profile.channelId())
                .setEpoch(0)
                .setTxId(HexFormat.of().formatHex(sha256(nonce)))
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setNonce(ByteString.copyFrom(nonce))
                .build();
        Config config = Config.newBuilder()
                .setSequence(0)
                .setChannelGroup(ChannelConfigEncoder.channelGroup(profile))
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(ByteStrings.deterministic(channelHeader))
                        .setSignatureHeader(ByteStrings.deterministic(signatureHeader)))
                .setData(ByteStrings.deterministic(
                        ConfigEnvelope.newBuilder().setConfig(config).build()))
                .build();
        ByteString envelope = ByteStrings.deterministic(Envelope.newBuilder()
                .setPayload(ByteStrings.deterministic(payload))
                .build());

        BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < BlockMetadataIndex.values().length - 1; i++) { // minus UNRECOGNIZED
            metadata.addMetadata(ByteString.EMPTY);
        }
        // LAST_CONFIG is deprecated in the protos (the index moved into OrdererBlockMetadata under SIGNATURES), but
        // configtxgen 2.5 still writes both, and peers of older versions read it.
        metadata.setMetadata(
                BlockMetadataIndex.LAST_CONFIG_VALUE,
                ByteStrings.deterministic(Metadata.newBuilder()
                        .setValue(ByteStrings.deterministic(
                                LastConfig.newBuilder().setIndex(0).build()))
                        .build()));
        metadata.setMetadata(
                BlockMetadataIndex.SIGNATURES_VALUE,
                ByteStrings.deterministic(Metadata.newBuilder()
                        .setValue(ByteStrings.deterministic(OrdererBlockMetadata.newBuilder()
                                .setLastConfig(LastConfig.newBuilder().setIndex(0))
                                .build()))
                        .build()));

        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder()
                        .setNumber(0)
                        .setDataHash(ByteString.copyFrom(sha256(envelope.toByteArray()))))
                .setData(BlockData.newBuilder().addData(envelope))
                .setMetadata(metadata)
                .build();
    }

    /** The genesis block, serialized (what {@code osnadmin channel join --config-block} sends). */
    public byte[] buildBytes(ChannelProfile profile) {
        return ByteStrings.deterministicBytes(build(profile));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
