/**
 * The {@code _lifecycle} operations, each idempotent: install and query installed on a peer ({@link
 * dev.weft.fabric.admin.lifecycle.PeerLifecycle}); approve, query approved, check commit readiness, commit and query
 * committed on a channel through the Fabric Gateway ({@link dev.weft.fabric.admin.lifecycle.ChannelLifecycle}).
 */
package dev.weft.fabric.admin.lifecycle;
