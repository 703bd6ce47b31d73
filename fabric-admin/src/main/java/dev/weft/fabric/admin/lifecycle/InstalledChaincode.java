package dev.weft.fabric.admin.lifecycle;

import java.util.Objects;

/**
 * A package installed on a peer.
 *
 * @param packageId {@code label:sha256}
 * @param label the package label
 */
public record InstalledChaincode(String packageId, String label) {

    public InstalledChaincode {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(label, "label");
    }
}
