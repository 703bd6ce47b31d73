package dev.weft.service.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of the Weft APIs. Resources name them in {@code @RolesAllowed}; tokens carry them in the configured
 * claim ({@code groups} by default), API keys in the keys file.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>role</th><th>allows</th></tr>
 *   <tr><td>{@code marbles:read}</td><td>gateway reads, queries, events (SSE) and transaction status</td></tr>
 *   <tr><td>{@code marbles:write}</td><td>gateway create, transfer and delete</td></tr>
 *   <tr><td>{@code network:admin}</td><td>the provisioner's {@code /api/v1/networks}</td></tr>
 *   <tr><td>{@code chaincode:admin}</td><td>the lifecycle service's {@code /api/v1/chaincodes}</td></tr>
 * </table>
 */
public final class Roles {

    /** Read marbles, query them, follow their events, look up transactions. */
    public static final String MARBLES_READ = "marbles:read";

    /** Create, transfer and delete marbles. */
    public static final String MARBLES_WRITE = "marbles:write";

    /** Provision, inspect and stop networks. */
    public static final String NETWORK_ADMIN = "network:admin";

    /** Deploy, inspect, upgrade and stop chaincodes. */
    public static final String CHAINCODE_ADMIN = "chaincode:admin";

    /** Every role, in the order of the documentation. */
    public static final List<String> ALL = List.of(MARBLES_READ, MARBLES_WRITE, NETWORK_ADMIN, CHAINCODE_ADMIN);

    private Roles() {}

    /**
     * Parses a comma-separated role list such as {@code marbles:read,marbles:write}.
     *
     * @throws IllegalArgumentException naming the first unknown role, or when the list is empty
     */
    public static Set<String> parse(String commaSeparated) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : commaSeparated.split(",", -1)) {
            String trimmed = role.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty role in '" + commaSeparated + "'");
            }
            if (!ALL.contains(trimmed)) {
                throw new IllegalArgumentException(
                        "unknown role '" + trimmed + "' (known: " + String.join(", ", ALL) + ")");
            }
            roles.add(trimmed);
        }
        return Set.copyOf(roles);
    }
}
