/**
 * The REST API, {@code /api/v1/networks}: submit a spec (202 with the status location), list, read the status,
 * delete. Errors are RFC 9457 problem details; an invalid spec lists every field at fault.
 */
package dev.weft.provisioner.api;
