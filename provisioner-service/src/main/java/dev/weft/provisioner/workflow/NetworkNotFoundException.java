package dev.weft.provisioner.workflow;

/** No network of that name is known. */
public class NetworkNotFoundException extends RuntimeException {

    public NetworkNotFoundException(String network) {
        super("no network named '" + network + "'");
    }
}
