package dev.weft.lifecycle.workflow;

import java.util.Locale;

/**
 * Turns Fabric's and the runtime's error messages into a hint of what to check. The texts matched are the peer's
 * own (core/chaincode, core/container/externalbuilder, lifecycle).
 *
 * <pre>{@code
 * FailureHints.hint("init", "could not launch chaincode marbles_1.0:…: connection refused")
 * // "the chaincode server is down or unreachable from the peer: …"
 * }</pre>
 */
public final class FailureHints {

    private FailureHints() {}

    /** A hint for {@code message} at {@code step}, or {@code null} when none applies. */
    public static String hint(String step, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("registration failed")
                || text.contains("chaincode id") && text.contains("mismatch")
                || text.contains("does not match")) {
            return "package id on server differs from the approved one: restart the server with the approved package id";
        }
        if (text.contains("connection refused")
                || text.contains("error trying to connect")
                || text.contains("context deadline exceeded")
                || text.contains("could not launch chaincode")
                || text.contains("does not accept connections")
                || text.contains("server for")) {
            return "the chaincode server is down or unreachable from the peer: check it runs, listens on the address"
                    + " in connection.json and, with TLS, that its certificate names that address";
        }
        if (text.contains("access denied") || text.contains("creator") && text.contains("policy")) {
            return "the identity used is not an admin of the organization (check the adminIdentity of NetworkReady)";
        }
        if (text.contains("unavailable") || text.contains("io exception")) {
            return "the peer is unreachable: check its address and TLS CA in NetworkReady";
        }
        if (text.contains("requested sequence") || text.contains("new definition must be sequence")) {
            return "another client changed the definition meanwhile; re-submit to recompute the sequence";
        }
        if (text.contains("not every organization approved") || text.contains("approvals")) {
            return "an organization has not approved the same definition (version, policy, initRequired)";
        }
        if (text.contains("jar not found")) {
            return "build the chaincode module or give server.jar / weft.lifecycle.chaincode-jar";
        }
        return switch (step) {
            case "install" -> "check that the peer has an external builder for the package type";
            case "server" -> "look at the chaincode server's log";
            default -> null;
        };
    }
}
