package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Persistent storage of every orderer, peer and CA (one PersistentVolumeClaim each on Kubernetes).
 *
 * @param size Kubernetes quantity, default {@code 1Gi}
 * @param storageClass storage class name, default none (the cluster's default class)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageSpec(String size, String storageClass) {

    StorageSpec withDefaults() {
        return new StorageSpec(Objects.requireNonNullElse(size, "1Gi"), storageClass);
    }
}
