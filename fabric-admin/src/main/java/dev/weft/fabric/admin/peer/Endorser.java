package dev.weft.fabric.admin.peer;

import dev.weft.fabric.admin.proposal.FabricAdminException;
import dev.weft.fabric.admin.proposal.SignedChaincodeProposal;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.ProposalResponse;

/**
 * Sends signed proposals to one peer's {@code Endorser/ProcessProposal} with a deadline, and turns every failure
 * into a {@link FabricAdminException} naming the peer and the operation.
 *
 * <pre>{@code
 * Endorser endorser = new Endorser("peer0.org1 (127.0.0.1:7051)", channel, Duration.ofSeconds(30));
 * ProposalResponse response = endorser.process(proposal, "cscc/GetChannels");
 * }</pre>
 */
public final class Endorser {

    private final String node;
    private final Channel channel;
    private final Duration deadline;

    /**
     * @param node the peer as named in errors
     * @param channel an open gRPC channel to the peer
     * @param deadline the deadline of each call
     */
    public Endorser(String node, Channel channel, Duration deadline) {
        this.node = Objects.requireNonNull(node, "node");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** The peer as named in errors. */
    public String node() {
        return node;
    }

    /**
     * Sends the proposal and returns the response when its status is a success ({@code 200 ≤ status < 400}).
     *
     * @throws FabricAdminException on timeout, unreachable peer, gRPC error or a non-success response status
     */
    public ProposalResponse process(SignedChaincodeProposal proposal, String operation) {
        return process(proposal, operation, deadline);
    }

    /** As {@link #process(SignedChaincodeProposal, String)} with another deadline, e.g. longer for installs. */
    public ProposalResponse process(SignedChaincodeProposal proposal, String operation, Duration callDeadline) {
        ProposalResponse response;
        try {
            response = EndorserGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(callDeadline.toMillis(), TimeUnit.MILLISECONDS)
                    .processProposal(proposal.signedProposal());
        } catch (StatusRuntimeException e) {
            throw fromGrpc(node, operation, e, callDeadline);
        }
        int status = response.getResponse().getStatus();
        if (status < 200 || status >= 400) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    node,
                    operation,
                    "status " + status,
                    response.getResponse().getMessage());
        }
        return response;
    }

    /** Maps a gRPC failure to the typed exception, without anything from the request. */
    public static FabricAdminException fromGrpc(
            String node, String operation, StatusRuntimeException e, Duration callDeadline) {
        Status status = e.getStatus();
        FabricAdminException.Kind kind = switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> FabricAdminException.Kind.TIMEOUT;
            case UNAVAILABLE -> FabricAdminException.Kind.UNAVAILABLE;
            default -> FabricAdminException.Kind.REJECTED;
        };
        String detail = status.getDescription() == null ? "" : status.getDescription();
        if (kind == FabricAdminException.Kind.TIMEOUT) {
            detail = "no answer within " + callDeadline.toMillis() + " ms"
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
        return new FabricAdminException(kind, node, operation, status.getCode().name(), detail, e);
    }
}
