/**
 * Pure builders of the Kubernetes objects of a network: no client, no I/O. Only {@code java.*}, the spec package,
 * fabric8's model classes and the crypto records of fabric-admin may be imported here.
 *
 * <pre>{@code
 * NetworkModel model = NetworkModel.from(spec, material);
 * for (HasMetadata object : model.resources()) { ... } // in apply order
 * }</pre>
 */
package dev.weft.provisioner.kubernetes.model;
