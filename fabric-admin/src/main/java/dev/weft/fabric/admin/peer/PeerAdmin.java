package dev.weft.fabric.admin.peer;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.proposal.ChaincodeProposal;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChannelInfo;
import org.hyperledger.fabric.protos.peer.ChannelQueryResponse;
import org.hyperledger.fabric.protos.peer.ProposalResponse;

/**
 * Channel membership of one peer through its configuration system chaincode ({@code cscc}), signed by an admin of
 * the peer's organization.
 *
 * <pre>{@code
 * PeerAdmin peer = new PeerAdmin(new Endorser(peer0.label(), channel, Duration.ofSeconds(30)), org1Admin);
 * peer.joinChannel(genesisBlock);   // JOINED, or ALREADY_JOINED on a re-run
 * List<String> channels = peer.channels();
 * }</pre>
 */
public final class PeerAdmin {

    static final String JOIN = "cscc/JoinChain";
    static final String GET_CHANNELS = "cscc/GetChannels";

    private final Endorser endorser;
    private final SigningIdentity admin;

    public PeerAdmin(Endorser endorser, SigningIdentity admin) {
        this.endorser = Objects.requireNonNull(endorser, "endorser");
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /**
     * Joins the peer to the channel of {@code genesisBlock}. A peer that already has the channel is left alone and
     * {@link JoinOutcome#ALREADY_JOINED} is returned, also when another caller joined it in between.
     */
    public JoinOutcome joinChannel(byte[] genesisBlock) {
        String channel = Blocks.channelId(genesisBlock);
        if (channels().contains(channel)) {
            return JoinOutcome.ALREADY_JOINED;
        }
        try {
            endorser.process(
                    ChaincodeProposal.builder("cscc", "JoinChain")
                            .argument(genesisBlock)
                            .build()
                            .sign(admin),
                    JOIN);
            return JoinOutcome.JOINED;
        } catch (FabricAdminException e) {
            // kv_ledger_provider.go: "ledger [<channel>] already exists with state [ACTIVE]"
            if (e.kind() == FabricAdminException.Kind.REJECTED && e.detail().contains("already exists")) {
                return JoinOutcome.ALREADY_JOINED;
            }
            throw e;
        }
    }

    /** The channels the peer has joined. */
    public List<String> channels() {
        ProposalResponse response = endorser.process(
                ChaincodeProposal.builder("cscc", "GetChannels").build().sign(admin), GET_CHANNELS);
        try {
            return ChannelQueryResponse.parseFrom(response.getResponse().getPayload()).getChannelsList().stream()
                    .map(ChannelInfo::getChannelId)
                    .toList();
        } catch (InvalidProtocolBufferException e) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.PROTOCOL,
                    endorser.node(),
                    GET_CHANNELS,
                    "bad payload",
                    "not a ChannelQueryResponse",
                    e);
        }
    }
}
