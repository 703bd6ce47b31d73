package dev.weft.lifecycle.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.events.StepStatus;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted state of one chaincode's deployment: the spec being applied, where the workflow is, and per
 * organization what is done. Written by {@link StatusStore} after every step, so a restarted service resumes; what
 * {@code GET /api/v1/chaincodes/{name}} shows. Holds no private key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ChaincodeStatus {

    /** Where a deployment is. */
    public enum Phase {
        /** Accepted; the network has not announced itself yet. */
        WAITING_FOR_NETWORK,
        /** The workflow runs (or ran and was interrupted by a restart). */
        IN_PROGRESS,
        /** Committed, servers up, init done. */
        READY,
        /** Stopped at a step; re-submitting the spec resumes. */
        FAILED,
        /** Servers stopped by DELETE. */
        DELETED
    }

    public String name;
    public String network;
    public String channel;
    public ChaincodeSpec spec;
    public Phase phase;
    public String step;
    public Long sequence;
    public Long committedSequence;
    public String committedVersion;
    public Long initDoneSequence;
    public Failure error;
    public Instant updatedAt;
    public Map<String, OrgStatus> organizations = new LinkedHashMap<>();
    public List<StepRecord> steps = new ArrayList<>();

    /** The state of one organization. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class OrgStatus {
        public String packageId;
        public String label;
        public String address;
        public List<String> installedOn = new ArrayList<>();
        public boolean serverReady;
        public Long approvedSequence;
        /** Addresses handed out per package shape, so a re-run builds the same package (same package id). */
        public Map<String, String> addresses = new LinkedHashMap<>();
    }

    /**
     * Why the deployment stopped.
     *
     * @param step the step
     * @param organization the MSP id concerned, if any
     * @param peer the peer concerned, if any
     * @param message Fabric's (or the runtime's) message
     * @param hint what to check
     */
    public record Failure(String step, String organization, String peer, String message, String hint) {}

    /**
     * One step of the last run.
     *
     * @param step the step name
     * @param status how it ended
     * @param durationMillis how long it took
     */
    public record StepRecord(String step, StepStatus status, long durationMillis) {}

    /** The organization's state, created when absent. */
    public OrgStatus org(String mspId) {
        return organizations.computeIfAbsent(mspId, id -> new OrgStatus());
    }
}
