package dev.weft.fabric.admin.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an application channel's genesis block says: the equivalent of a {@code configtx.yaml} profile with
 * an etcdraft orderer and no system channel. Defaults are those of Fabric's {@code sampleconfig/configtx.yaml}.
 *
 * <pre>{@code
 * OrgMaterial ordererOrg = crypto.org("OrdererOrg");
 * ChannelProfile profile = ChannelProfile.builder("mychannel")
 *         .ordererOrg(OrganizationProfile.ordererOrg(ordererOrg).withOrdererEndpoints("127.0.0.1:7050"))
 *         .consenter(Consenter.of(ordererOrg.node("orderer0.example.com"), "127.0.0.1", 7050))
 *         .applicationOrg(OrganizationProfile.applicationOrg(crypto.org("Org1"))
 *                 .withAnchorPeers(new AnchorPeer("127.0.0.1", 7051)))
 *         .endorsementPolicy(ChannelPolicy.signature("AND('Org1MSP.peer','Org2MSP.peer')"))
 *         .build();
 * byte[] block = GenesisBlockBuilder.create().buildBytes(profile);
 * }</pre>
 *
 * @param channelId lower case channel name
 * @param ordererOrgs the {@code /Channel/Orderer} orgs
 * @param applicationOrgs the {@code /Channel/Application} orgs
 * @param consenters etcdraft consenters
 * @param batch block cutting
 * @param raftOptions etcdraft options
 * @param maxChannels {@code ChannelRestrictions.max_count} (0 = unlimited)
 * @param globalOrdererAddresses the deprecated channel-level {@code OrdererAddresses}; empty (the default) leaves the
 *     value out as configtxgen does when {@code Orderer.Addresses} is empty
 * @param channelCapabilities {@code /Channel} capabilities, default {@code V2_0}
 * @param ordererCapabilities {@code /Channel/Orderer} capabilities, default {@code V2_0}
 * @param applicationCapabilities {@code /Channel/Application} capabilities, default {@code V2_5}
 * @param channelPolicies {@code /Channel} policies
 * @param ordererPolicies {@code /Channel/Orderer} policies (must include {@code BlockValidation})
 * @param applicationPolicies {@code /Channel/Application} policies
 * @param acls resource → policy reference, default {@link #DEFAULT_ACLS}
 */
public record ChannelProfile(
        String channelId,
        List<OrganizationProfile> ordererOrgs,
        List<OrganizationProfile> applicationOrgs,
        List<Consenter> consenters,
        BatchSettings batch,
        RaftOptions raftOptions,
        long maxChannels,
        List<String> globalOrdererAddresses,
        Set<String> channelCapabilities,
        Set<String> ordererCapabilities,
        Set<String> applicationCapabilities,
        Map<String, ChannelPolicy> channelPolicies,
        Map<String, ChannelPolicy> ordererPolicies,
        Map<String, ChannelPolicy> applicationPolicies,
        Map<String, String> acls) {

    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9.-]*");

    /** The ACLs of Fabric's {@code sampleconfig/configtx.yaml} (v2.5). */
    public static final Map<String, String> DEFAULT_ACLS = defaultAcls();

    public ChannelProfile {
        if (channelId == null || !CHANNEL_ID.matcher(channelId).matches() || channelId.length() > 249) {
            throw new InvalidChannelProfileException(
                    "invalid channel id '" + channelId + "': must match [a-z][a-z0-9.-]* and be shorter than 250");
        }
        ordererOrgs = List.copyOf(ordererOrgs);
        applicationOrgs = List.copyOf(applicationOrgs);
        consenters = List.copyOf(consenters);
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(raftOptions, "raftOptions");
        globalOrdererAddresses = List.copyOf(globalOrdererAddresses);
        globalOrdererAddresses.forEach(a -> Endpoints.requireHostPort("orderer address", a));
        channelCapabilities = Collections.unmodifiableSet(new LinkedHashSet<>(channelCapabilities));
        ordererCapabilities = Collections.unmodifiableSet(new LinkedHashSet<>(ordererCapabilities));
        applicationCapabilities = Collections.unmodifiableSet(new LinkedHashSet<>(applicationCapabilities));
        channelPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(channelPolicies));
        ordererPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(ordererPolicies));
        applicationPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(applicationPolicies));
        acls = Collections.unmodifiableMap(new LinkedHashMap<>(acls));
        if (ordererOrgs.isEmpty()) {
            throw new InvalidChannelProfileException("channel " + channelId + " has no orderer org");
        }
        if (consenters.isEmpty()) {
            throw new InvalidChannelProfileException("channel " + channelId + " has no etcdraft consenter");
        }
        if (maxChannels < 0) {
            throw new InvalidChannelProfileException("maxChannels must not be negative, got " + maxChannels);
        }
        requireUniqueNames("orderer", ordererOrgs);
        requireUniqueNames("application", applicationOrgs);
        if (!ordererPolicies.containsKey("BlockValidation")) {
            throw new InvalidChannelProfileException("orderer policies lack BlockValidation");
        }
        for (Map<String, ChannelPolicy> level : List.of(channelPolicies, ordererPolicies, applicationPolicies)) {
            if (!level.containsKey("Admins")) {
                throw new InvalidChannelProfileException("channel " + channelId + ": a policy level lacks Admins");
            }
        }
        acls.forEach((resource, policy) -> {
            if (resource.isBlank() || policy == null || policy.isBlank()) {
                throw new InvalidChannelProfileException("ACL '" + resource + "' has no policy reference");
            }
        });
    }

    /** A builder with the sample defaults. */
    public static Builder builder(String channelId) {
        return new Builder(channelId);
    }

    private static void requireUniqueNames(String group, List<OrganizationProfile> orgs) {
        Set<String> names = new HashSet<>();
        Set<String> mspIds = new HashSet<>();
        for (OrganizationProfile org : orgs) {
            if (!names.add(org.name())) {
                throw new InvalidChannelProfileException("duplicate " + group + " org '" + org.name() + "'");
            }
            if (!mspIds.add(org.mspId())) {
                throw new InvalidChannelProfileException("duplicate " + group + " MSP id '" + org.mspId() + "'");
            }
        }
    }

    private static Map<String, String> defaultAcls() {
        Map<String, String> acls = new LinkedHashMap<>();
        String writers = "/Channel/Application/Writers";
        String readers = "/Channel/Application/Readers";
        acls.put("_lifecycle/CheckCommitReadiness", writers);
        acls.put("_lifecycle/CommitChaincodeDefinition", writers);
        acls.put("_lifecycle/QueryChaincodeDefinition", writers);
        acls.put("_lifecycle/QueryChaincodeDefinitions", writers);
        acls.put("lscc/ChaincodeExists", readers);
        acls.put("lscc/GetDeploymentSpec", readers);
        acls.put("lscc/GetChaincodeData", readers);
        acls.put("lscc/GetInstantiatedChaincodes", readers);
        acls.put("qscc/GetChainInfo", readers);
        acls.put("qscc/GetBlockByNumber", readers);
        acls.put("qscc/GetBlockByHash", readers);
        acls.put("qscc/GetTransactionByID", readers);
        acls.put("qscc/GetBlockByTxID", readers);
        acls.put("cscc/GetConfigBlock", readers);
        acls.put("cscc/GetChannelConfig", readers);
        acls.put("peer/Propose", writers);
        acls.put("peer/ChaincodeToChaincode", writers);
        acls.put("event/Block", readers);
        acls.put("event/FilteredBlock", readers);
        return Collections.unmodifiableMap(acls);
    }

    /** Builds a {@link ChannelProfile}; every setter has the sample default. */
    public static final class Builder {
        private final String channelId;
        private final List<OrganizationProfile> ordererOrgs = new ArrayList<>();
        private final List<OrganizationProfile> applicationOrgs = new ArrayList<>();
        private final List<Consenter> consenters = new ArrayList<>();
        private BatchSettings batch = BatchSettings.DEFAULTS;
        private RaftOptions raftOptions = RaftOptions.DEFAULTS;
        private long maxChannels;
        private List<String> globalOrdererAddresses = List.of();
        private Set<String> channelCapabilities = Set.of("V2_0");
        private Set<String> ordererCapabilities = Set.of("V2_0");
        private Set<String> applicationCapabilities = Set.of("V2_5");
        private final Map<String, ChannelPolicy> channelPolicies = new LinkedHashMap<>();
        private final Map<String, ChannelPolicy> ordererPolicies = new LinkedHashMap<>();
        private final Map<String, ChannelPolicy> applicationPolicies = new LinkedHashMap<>();
        private final Map<String, String> acls = new LinkedHashMap<>(DEFAULT_ACLS);

        private Builder(String channelId) {
            this.channelId = channelId;
            channelPolicies.put("Readers", ChannelPolicy.implicitMeta("ANY Readers"));
            channelPolicies.put("Writers", ChannelPolicy.implicitMeta("ANY Writers"));
            channelPolicies.put("Admins", ChannelPolicy.implicitMeta("MAJORITY Admins"));
            ordererPolicies.putAll(channelPolicies);
            ordererPolicies.put("BlockValidation", ChannelPolicy.implicitMeta("ANY Writers"));
            applicationPolicies.putAll(channelPolicies);
            applicationPolicies.put("LifecycleEndorsement", ChannelPolicy.implicitMeta("MAJORITY Endorsement"));
            applicationPolicies.put("Endorsement", ChannelPolicy.implicitMeta("MAJORITY Endorsement"));
        }

        /** Adds an orderer org. */
        public Builder ordererOrg(OrganizationProfile org) {
            ordererOrgs.add(Objects.requireNonNull(org, "org"));
            return this;
        }

        /** Adds an application (peer) org. */
        public Builder applicationOrg(OrganizationProfile org) {
            applicationOrgs.add(Objects.requireNonNull(org, "org"));
            return this;
        }

        /** Adds an etcdraft consenter. */
        public Builder consenter(Consenter consenter) {
            consenters.add(Objects.requireNonNull(consenter, "consenter"));
            return this;
        }

        /** Block cutting; default {@link BatchSettings#DEFAULTS}. */
        public Builder batch(BatchSettings settings) {
            this.batch = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** etcdraft options; default {@link RaftOptions#DEFAULTS}. */
        public Builder raftOptions(RaftOptions options) {
            this.raftOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** {@code ChannelRestrictions.max_count}; default 0. */
        public Builder maxChannels(long max) {
            this.maxChannels = max;
            return this;
        }

        /** The deprecated channel-level {@code OrdererAddresses}; default none. */
        public Builder globalOrdererAddresses(String... addresses) {
            this.globalOrdererAddresses = List.of(addresses);
            return this;
        }

        /** Capabilities of {@code /Channel}, {@code /Channel/Orderer} and {@code /Channel/Application}. */
        public Builder capabilities(Set<String> channel, Set<String> orderer, Set<String> application) {
            this.channelCapabilities = Set.copyOf(channel);
            this.ordererCapabilities = Set.copyOf(orderer);
            this.applicationCapabilities = Set.copyOf(application);
            return this;
        }

        /** Replaces {@code /Channel/Application/Endorsement} (default {@code MAJORITY Endorsement}). */
        public Builder endorsementPolicy(ChannelPolicy policy) {
            return applicationPolicy("Endorsement", policy);
        }

        /** Replaces {@code /Channel/Application/LifecycleEndorsement} (default {@code MAJORITY Endorsement}). */
        public Builder lifecycleEndorsementPolicy(ChannelPolicy policy) {
            return applicationPolicy("LifecycleEndorsement", policy);
        }

        /** Adds or replaces an application-level policy. */
        public Builder applicationPolicy(String name, ChannelPolicy policy) {
            applicationPolicies.put(name, Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Adds or replaces an orderer-level policy. */
        public Builder ordererPolicy(String name, ChannelPolicy policy) {
            ordererPolicies.put(name, Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Adds or replaces a channel-level policy. */
        public Builder channelPolicy(String name, ChannelPolicy policy) {
            channelPolicies.put(name, Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Adds or replaces an ACL, e.g. {@code acl("event/Block", "/Channel/Application/Writers")}. */
        public Builder acl(String resource, String policyReference) {
            acls.put(resource, policyReference);
            return this;
        }

        /** Removes every ACL (then no {@code ACLs} value is written, as with an empty {@code ACLs} section). */
        public Builder clearAcls() {
            acls.clear();
            return this;
        }

        public ChannelProfile build() {
            return new ChannelProfile(
                    channelId,
                    ordererOrgs,
                    applicationOrgs,
                    consenters,
                    batch,
                    raftOptions,
                    maxChannels,
                    globalOrdererAddresses,
                    channelCapabilities,
                    ordererCapabilities,
                    applicationCapabilities,
                    channelPolicies,
                    ordererPolicies,
                    applicationPolicies,
                    acls);
        }
    }
}
