package dev.weft.provisioner.workflow;

/** The configured runtime cannot run networks at all (e.g. no Fabric binaries); nothing was started. */
public class RuntimeUnavailableException extends RuntimeException {

    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
