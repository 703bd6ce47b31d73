/**
 * The orderers' channel participation API over mutual TLS, as {@code osnadmin channel join|list|remove} uses it:
 * {@link dev.weft.fabric.admin.orderer.OsnAdminClient}.
 */
package dev.weft.fabric.admin.orderer;
