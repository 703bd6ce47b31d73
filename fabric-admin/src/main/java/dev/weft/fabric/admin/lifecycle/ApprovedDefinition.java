package dev.weft.fabric.admin.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * What my organization approved for a chaincode sequence.
 *
 * @param definition the approved definition
 * @param packageId the package my organization's peers run, or empty when approved without a package
 */
public record ApprovedDefinition(ChaincodeDefinition definition, Optional<String> packageId) {

    public ApprovedDefinition {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(packageId, "packageId");
    }
}
