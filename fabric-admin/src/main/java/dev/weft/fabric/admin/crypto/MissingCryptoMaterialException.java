package dev.weft.fabric.admin.crypto;

import java.nio.file.Path;

/** {@link CryptoStore#load} found no material where the topology expects some; the message names the file. */
public class MissingCryptoMaterialException extends CryptoException {

    public MissingCryptoMaterialException(Path missing) {
        super(missing + ": missing (use CryptoStore.loadOrGenerate to create what is missing)");
    }
}
