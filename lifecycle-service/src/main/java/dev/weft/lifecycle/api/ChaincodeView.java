package dev.weft.lifecycle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.lifecycle.workflow.ChaincodeStatus;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/chaincodes/{name}} returns: the phase and, per organization, the package id, the peers it
 * is installed on, the approved sequence and whether its server is ready.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChaincodeView(
        String name,
        String network,
        String channel,
        String version,
        String phase,
        String step,
        Long sequence,
        Long committedSequence,
        List<String> approvedBy,
        List<Org> organizations,
        ChaincodeStatus.Failure error,
        List<ChaincodeStatus.StepRecord> steps,
        Instant updatedAt) {

    /** One organization. */
    public record Org(
            String mspId,
            String packageId,
            String address,
            List<String> installedOn,
            Long approvedSequence,
            boolean serverReady) {}

    static ChaincodeView of(ChaincodeStatus status) {
        List<Org> orgs = status.organizations.entrySet().stream()
                .map(entry -> new Org(
                        entry.getKey(),
                        entry.getValue().packageId,
                        entry.getValue().address,
                        List.copyOf(entry.getValue().installedOn),
                        entry.getValue().approvedSequence,
                        entry.getValue().serverReady))
                .toList();
        List<String> approvedBy = status.sequence == null
                ? List.of()
                : orgs.stream()
                        .filter(org -> status.sequence.equals(org.approvedSequence()))
                        .map(Org::mspId)
                        .toList();
        return new ChaincodeView(
                status.name,
                status.network,
                status.channel,
                status.spec == null ? null : status.spec.version(),
                status.phase == null ? null : status.phase.name(),
                status.step,
                status.sequence,
                status.committedSequence,
                approvedBy,
                orgs,
                status.error,
                status.steps,
                status.updatedAt);
    }
}
