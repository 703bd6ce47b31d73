package dev.weft.lifecycle.workflow;

import dev.weft.fabric.admin.channel.PolicyDsl;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chaincode definition a spec asks for, and the sequence to approve it at.
 *
 * <pre>{@code
 * ChaincodeDefinition desired = Definitions.desired(spec);
 * long sequence = Definitions.sequence(desired, committed, approvedPackageOf, packageIds);
 * }</pre>
 */
public final class Definitions {

    private Definitions() {}

    /** The definition (sequence 1) with the spec's version, endorsement policy and init flag. */
    public static ChaincodeDefinition desired(ChaincodeSpec spec) {
        ChaincodeDefinition definition =
                ChaincodeDefinition.of(spec.name(), spec.version(), 1).withInitRequired(spec.requiresInit());
        return spec.endorsementPolicy() == null
                ? definition
                : definition.withSignaturePolicy(PolicyDsl.parse(spec.endorsementPolicy()));
    }

    /**
     * The committed sequence when the committed definition has the same parameters and every member approved it
     * with the package it should now run (nothing to do); otherwise the next sequence: a new version or a new
     * package (another address, TLS setting or index) is a new definition.
     *
     * @param approvedPackage a member's approved package id at the committed sequence
     * @param packageIds the package id each member should run
     */
    public static long sequence(
            ChaincodeDefinition desired,
            Optional<ChaincodeDefinition> committed,
            Function<String, Optional<String>> approvedPackage,
            Map<String, String> packageIds) {
        if (committed.isEmpty()) {
            return 1;
        }
        long current = committed.get().sequence();
        if (!committed.get().sameParametersAs(desired)) {
            return current + 1;
        }
        boolean samePackages = packageIds.entrySet().stream()
                .allMatch(entry -> approvedPackage.apply(entry.getKey()).equals(Optional.of(entry.getValue())));
        return samePackages ? current : current + 1;
    }
}
