/**
 * The provisioning workflow: a short chain of named, idempotent steps ({@code crypto}, {@code runtime-apply},
 * {@code nodes-ready}, {@code genesis}, {@code orderers-join}, {@code peers-join}, {@code ready}) over a
 * {@link dev.weft.provisioner.workflow.NetworkRuntime} (local processes or Kubernetes) and the Fabric admin
 * operations, with one background worker per network.
 */
package dev.weft.provisioner.workflow;
