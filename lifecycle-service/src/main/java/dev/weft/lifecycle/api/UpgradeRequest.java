package dev.weft.lifecycle.api;

import dev.weft.lifecycle.spec.ChaincodeSpec;

/**
 * Body of {@code POST /api/v1/chaincodes/{name}/upgrade}: a new version of the current spec, or a whole new spec.
 *
 * @param version the new version (label follows when it was the default)
 * @param spec a complete replacement spec; wins over {@code version}
 */
public record UpgradeRequest(String version, ChaincodeSpec spec) {}
