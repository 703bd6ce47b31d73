/**
 * Signed chaincode proposals for the peers' Endorser service (nonce, creator, transaction id, low-S ECDSA
 * signature) and {@link dev.weft.fabric.admin.proposal.FabricAdminException}, the typed failure of every admin call.
 */
package dev.weft.fabric.admin.proposal;
