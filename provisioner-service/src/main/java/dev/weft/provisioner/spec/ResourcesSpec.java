package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Resource requests per container kind.
 *
 * @param orderer default {@code 100m}/{@code 256Mi}
 * @param peer default {@code 100m}/{@code 256Mi}
 * @param couchdb default {@code 100m}/{@code 256Mi}
 * @param ca default {@code 50m}/{@code 64Mi}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourcesSpec(ResourceSpec orderer, ResourceSpec peer, ResourceSpec couchdb, ResourceSpec ca) {

    private static final ResourceSpec NODE = new ResourceSpec("100m", "256Mi");
    private static final ResourceSpec SMALL = new ResourceSpec("50m", "64Mi");

    ResourcesSpec withDefaults() {
        return new ResourcesSpec(fill(orderer, NODE), fill(peer, NODE), fill(couchdb, NODE), fill(ca, SMALL));
    }

    private static ResourceSpec fill(ResourceSpec given, ResourceSpec fallback) {
        return given == null ? fallback : given.withDefaults(fallback);
    }
}
