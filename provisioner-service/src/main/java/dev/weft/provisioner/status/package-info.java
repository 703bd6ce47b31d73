/**
 * The status of each network (phase, one condition per workflow step, last error, connection facts once ready),
 * persisted as one JSON file per network so that a restarted service knows where every network stands.
 */
package dev.weft.provisioner.status;
