/**
 * Kafka: {@code ProvisionNetwork} commands in from {@code weft.network.commands}, the workflow's events out to
 * {@code weft.network}, both as structured-mode CloudEvents keyed by network name.
 */
package dev.weft.provisioner.messaging;
