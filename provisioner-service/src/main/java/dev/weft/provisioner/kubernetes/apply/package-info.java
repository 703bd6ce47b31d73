/**
 * Thin appliers of the Kubernetes model: one {@link dev.weft.provisioner.kubernetes.apply.ResourceOperator} per kind
 * ({@code null} desired means delete), and {@link dev.weft.provisioner.kubernetes.apply.KubernetesRuntime}, which
 * applies a whole network in dependency order, prunes what the spec dropped, waits for readiness and deletes.
 *
 * <pre>{@code
 * KubernetesRuntime runtime = new KubernetesRuntime(client);
 * ApplyReport report = runtime.apply(NetworkModel.from(spec, material));
 * runtime.awaitReady(model, Duration.ofMinutes(5));
 * }</pre>
 */
package dev.weft.provisioner.kubernetes.apply;
