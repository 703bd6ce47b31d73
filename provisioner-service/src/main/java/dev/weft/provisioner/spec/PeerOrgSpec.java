package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Objects;

/**
 * A peer organisation: its peers are named {@code <name>-peer0 .. <name>-peerN-1}, its CA {@code <name>-ca}.
 *
 * @param name DNS-1123 label such as {@code org1}
 * @param mspId MSP id, default the name with a capital first letter plus {@code MSP} ({@code org1} → {@code Org1MSP})
 * @param peers number of peers (1..9), default 1
 * @param ca whether the org runs a Fabric CA, default {@code true}
 * @param localPortBase first local port of the org's block of 100 (local runtime), default {@code local.portBase + 100
 *     × (index + 1)}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerOrgSpec(String name, String mspId, Integer peers, Boolean ca, Integer localPortBase) {

    /** An org with the default MSP id, one peer and a CA. */
    public static PeerOrgSpec named(String name) {
        return new PeerOrgSpec(name, null, null, null, null).withDefaults();
    }

    /** {@code org1} → {@code Org1MSP}, the fabric-samples test-network convention. */
    static String defaultMspId(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "MSP";
    }

    PeerOrgSpec withDefaults() {
        return new PeerOrgSpec(
                name,
                mspId != null ? mspId : defaultMspId(name),
                Objects.requireNonNullElse(peers, 1),
                Objects.requireNonNullElse(ca, true),
                localPortBase);
    }
}
