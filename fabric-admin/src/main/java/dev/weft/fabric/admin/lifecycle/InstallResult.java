package dev.weft.fabric.admin.lifecycle;

import java.util.Objects;

/**
 * The result of an install; both outcomes are success.
 *
 * @param packageId the package id the peer computed
 * @param alreadyInstalled whether the peer had the package before this call
 */
public record InstallResult(String packageId, boolean alreadyInstalled) {

    public InstallResult {
        Objects.requireNonNull(packageId, "packageId");
    }
}
