package dev.weft.fabric.admin.channel;

import dev.weft.fabric.admin.crypto.OrgMaterial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An org as a channel member: its MSP, its policies, and either orderer endpoints (orderer orgs) or anchor peers
 * (application orgs).
 *
 * <pre>{@code
 * OrganizationProfile orderers = OrganizationProfile.ordererOrg(crypto.org("OrdererOrg"))
 *         .withOrdererEndpoints("orderer0.example.com:7050");
 * OrganizationProfile org1 = OrganizationProfile.applicationOrg(crypto.org("Org1"))
 *         .withAnchorPeers(new AnchorPeer("peer0.org1.example.com", 7051));
 * }</pre>
 *
 * @param name the org's group name in the channel config, e.g. {@code Org1}
 * @param msp the verifying MSP
 * @param policies policies by name ({@code Readers}, {@code Writers}, {@code Admins}, {@code Endorsement})
 * @param ordererEndpoints {@code host:port} of the org's orderers (the {@code Endpoints} value); orderer orgs only
 * @param anchorPeers the {@code AnchorPeers} value; application orgs only
 */
public record OrganizationProfile(
        String name,
        MspDefinition msp,
        Map<String, ChannelPolicy> policies,
        List<String> ordererEndpoints,
        List<AnchorPeer> anchorPeers) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public OrganizationProfile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidChannelProfileException("invalid org name '" + name + "'");
        }
        Objects.requireNonNull(msp, "msp");
        policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        ordererEndpoints = List.copyOf(ordererEndpoints);
        ordererEndpoints.forEach(e -> Endpoints.requireHostPort("org " + name + " orderer endpoint", e));
        anchorPeers = List.copyOf(anchorPeers);
        if (!policies.containsKey("Admins")) {
            throw new InvalidChannelProfileException("org " + name + " has no Admins policy");
        }
    }

    /**
     * An orderer org with the policies of Fabric's samples: Readers and Writers {@code OR('<msp>.member')}, Admins
     * {@code OR('<msp>.admin')}.
     */
    public static OrganizationProfile ordererOrg(OrgMaterial org) {
        String msp = org.mspId();
        Map<String, ChannelPolicy> policies = new LinkedHashMap<>();
        policies.put("Readers", ChannelPolicy.signature("OR('" + msp + ".member')"));
        policies.put("Writers", ChannelPolicy.signature("OR('" + msp + ".member')"));
        policies.put("Admins", ChannelPolicy.signature("OR('" + msp + ".admin')"));
        return new OrganizationProfile(org.name(), MspDefinition.of(org), policies, List.of(), List.of());
    }

    /**
     * An application org with the policies of Fabric's samples: Readers admin/peer/client, Writers admin/client,
     * Admins admin, Endorsement peer.
     */
    public static OrganizationProfile applicationOrg(OrgMaterial org) {
        String msp = org.mspId();
        Map<String, ChannelPolicy> policies = new LinkedHashMap<>();
        policies.put(
                "Readers",
                ChannelPolicy.signature("OR('" + msp + ".admin', '" + msp + ".peer', '" + msp + ".client')"));
        policies.put("Writers", ChannelPolicy.signature("OR('" + msp + ".admin', '" + msp + ".client')"));
        policies.put("Admins", ChannelPolicy.signature("OR('" + msp + ".admin')"));
        policies.put("Endorsement", ChannelPolicy.signature("OR('" + msp + ".peer')"));
        return new OrganizationProfile(org.name(), MspDefinition.of(org), policies, List.of(), List.of());
    }

    /** The MSP id. */
    public String mspId() {
        return msp.mspId();
    }

    /** A copy with these orderer endpoints ({@code host:port}). */
    public OrganizationProfile withOrdererEndpoints(String... endpoints) {
        return new OrganizationProfile(name, msp, policies, List.of(endpoints), anchorPeers);
    }

    /** A copy with these anchor peers. */
    public OrganizationProfile withAnchorPeers(AnchorPeer... peers) {
        return new OrganizationProfile(name, msp, policies, ordererEndpoints, List.of(peers));
    }

    /** A copy with one policy added or replaced. */
    public OrganizationProfile withPolicy(String policyName, ChannelPolicy policy) {
        Map<String, ChannelPolicy> copy = new LinkedHashMap<>(policies);
        copy.put(policyName, Objects.requireNonNull(policy, "policy"));
        return new OrganizationProfile(name, msp, copy, ordererEndpoints, anchorPeers);
    }
}
