package dev.weft.provisioner.workflow;

/**
 * A host and port, as the provisioner dials it and as it is advertised in channel configuration and events.
 *
 * @param host host name or IP address
 * @param port TCP port
 */
public record NodeAddress(String host, int port) {

    /** {@code host:port}. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
