/**
 * Byte-deterministic chaincode-as-a-service packages ({@code metadata.json}, {@code code.tar.gz} with {@code
 * connection.json} and CouchDB indexes) and their package ids: {@link
 * dev.weft.fabric.admin.chaincode.CcaasPackageBuilder}.
 */
package dev.weft.fabric.admin.chaincode;
