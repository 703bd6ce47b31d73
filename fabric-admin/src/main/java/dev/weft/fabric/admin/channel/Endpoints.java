package dev.weft.fabric.admin.channel;

/** Checks shared by endpoints, anchor peers and consenters. */
final class Endpoints {

    private Endpoints() {}

    static void requireHostPort(String what, String host, int port) {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace) || host.contains(":")) {
            throw new InvalidChannelProfileException(what + ": invalid host '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidChannelProfileException(what + " " + host + ": invalid port " + port);
        }
    }

    static void requireHostPort(String what, String endpoint) {
        int colon = endpoint == null ? -1 : endpoint.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidChannelProfileException(what + ": '" + endpoint + "' is not host:port");
        }
        int port;
        try {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidChannelProfileException(what + ": '" + endpoint + "' has no numeric port");
        }
        requireHostPort(what, endpoint.substring(0, colon), port);
    }
}
