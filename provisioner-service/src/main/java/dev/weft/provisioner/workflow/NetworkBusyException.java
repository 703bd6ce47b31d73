package dev.weft.provisioner.workflow;

/** A different spec was submitted for a network whose workflow is still running. */
public class NetworkBusyException extends RuntimeException {

    public NetworkBusyException(String network) {
        super("network " + network
                + " is being provisioned with another spec; wait for it to finish, then submit again");
    }
}
