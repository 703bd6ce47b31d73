package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Resource requests of one container.
 *
 * @param cpu Kubernetes CPU quantity such as {@code 100m}
 * @param memory Kubernetes memory quantity such as {@code 256Mi}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceSpec(String cpu, String memory) {

    ResourceSpec withDefaults(ResourceSpec fallback) {
        return new ResourceSpec(
                Objects.requireNonNullElse(cpu, fallback.cpu()), Objects.requireNonNullElse(memory, fallback.memory()));
    }
}
