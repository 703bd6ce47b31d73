package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application channel.
 *
 * @param name Fabric channel name ({@code [a-z][a-z0-9.-]*}), e.g. {@code mychannel}
 * @param orgs names of the member peer orgs (not MSP ids), default every peer org
 * @param policies overrides of the application policies, keyed by one of {@link #POLICY_NAMES}, with a Fabric
 *     implicit-meta or signature rule as value (e.g. {@code "MAJORITY Endorsement"}); default none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChannelSpec(String name, List<String> orgs, Map<String, String> policies) {

    /** The application policies a spec may override. */
    public static final Set<String> POLICY_NAMES =
            Set.of("Readers", "Writers", "Admins", "Endorsement", "LifecycleEndorsement");

    public ChannelSpec {
        orgs = orgs == null ? null : List.copyOf(orgs);
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    ChannelSpec withDefaults(List<PeerOrgSpec> peerOrgs) {
        List<String> members =
                orgs != null ? orgs : peerOrgs.stream().map(PeerOrgSpec::name).toList();
        return new ChannelSpec(name, members, policies);
    }
}
