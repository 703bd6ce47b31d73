/**
 * The Kubernetes runtime: {@code model} turns a spec plus crypto material into fabric8 objects without any I/O, and
 * {@code apply} applies them with the client (server-side apply), prunes what the spec no longer has, waits for
 * readiness and deletes.
 */
package dev.weft.provisioner.kubernetes;
