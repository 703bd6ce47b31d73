package dev.weft.provisioner.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a spec and returns every problem at once, each naming its field. Defaults are applied first, so a partial
 * spec is judged by what it will become.
 *
 * <pre>{@code
 * List<SpecProblem> problems = SpecValidator.validate(spec);
 * // [peerOrgs[1].mspId: duplicate MSP id 'Org1MSP' (also used by peerOrgs[0].mspId),
 * //  channels[0].orgs[1]: unknown org 'org3']
 * }</pre>
 */
public final class SpecValidator {

    /** DNS-1123 label: what Kubernetes accepts for namespaces, Services and, with a length cap, StatefulSets. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Fabric's channel name rule ({@code common/configtx/validator.go}). */
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]*");

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    /**
     * A StatefulSet's pods carry the label {@code controller-revision-hash=<name>-<10 chars>}, and label values stop
     * at 63 characters, so node names must stay at 52.
     */
    static final int MAX_NODE_NAME = 52;

    /** Orderers and peers per org: the local runtime gives each org a block of 100 ports, 10 per node. */
    static final int MAX_NODES_PER_ORG = 9;

    private final List<SpecProblem> problems = new ArrayList<>();
    private final NetworkSpec spec;

    private SpecValidator(NetworkSpec spec) {
        this.spec = spec.withDefaults();
    }

    /** Every problem of the spec; empty when it is valid. */
    public static List<SpecProblem> validate(NetworkSpec spec) {
        SpecValidator v = new SpecValidator(spec);
        v.checkNetwork();
        v.checkOrdererOrg();
        v.checkPeerOrgs();
        v.checkChannels();
        v.checkImagesAndResources();
        v.checkLocalPorts();
        return List.copyOf(v.problems);
    }

    /**
     * The spec itself when it is valid.
     *
     * @throws InvalidSpecException listing every problem otherwise
     */
    public static NetworkSpec requireValid(NetworkSpec spec) throws InvalidSpecException {
        List<SpecProblem> found = validate(spec);
        if (!found.isEmpty()) {
            throw new InvalidSpecException(found);
        }
        return spec.withDefaults();
    }

    private void problem(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }

    private boolean present(String field, String value) {
        if (value == null || value.isBlank()) {
            problem(field, "is required");
            return false;
        }
        return true;
    }

    private void dnsLabel(String field, String value, int maxLength) {
        if (!present(field, value)) {
            return;
        }
        if (!DNS_LABEL.matcher(value).matches()) {
            problem(
                    field,
                    "'" + value + "' is not a DNS-1123 label (lower-case letters, digits and '-', "
                            + "starting and ending with a letter or digit)");
        } else if (value.length() > maxLength) {
            problem(field, "'" + value + "' is longer than " + maxLength + " characters");
        }
    }

    private void checkNetwork() {
        dnsLabel("name", spec.name(), 63);
        dnsLabel("namespace", spec.namespace(), 63);
        present("fabricVersion", spec.fabricVersion());
    }

    private void checkOrdererOrg() {
        OrdererOrgSpec org = spec.ordererOrg();
        // "<name>9" is the longest orderer name.
        dnsLabel("ordererOrg.name", org.name(), MAX_NODE_NAME - 1);
        mspId("ordererOrg.mspId", org.mspId());
        if (org.orderers() < 1) {
            problem("ordererOrg.orderers", "must be at least 1, was " + org.orderers());
        } else if (org.orderers() > MAX_NODES_PER_ORG) {
            problem("ordererOrg.orderers", "must be at most " + MAX_NODES_PER_ORG + ", was " + org.orderers());
        }
    }

    private void checkPeerOrgs() {
        if (spec.peerOrgs().isEmpty()) {
            problem("peerOrgs", "must name at least one peer org");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> mspIds = new HashMap<>();
        mspIds.put(spec.ordererOrg().mspId(), "ordererOrg.mspId");
        names.put(spec.ordererOrg().name(), "ordererOrg.name");
        for (int i = 0; i < spec.peerOrgs().size(); i++) {
            PeerOrgSpec org = spec.peerOrgs().get(i);
            String at = "peerOrgs[" + i + "]";
            // "<name>-peer9" is the longest peer name, "<name>-ca-data" the longest derived object name.
            dnsLabel(at + ".name", org.name(), MAX_NODE_NAME - "-peer9".length());
            unique(names, org.name(), at + ".name", "org name");
            if (mspId(at + ".mspId", org.mspId())) {
                unique(mspIds, org.mspId(), at + ".mspId", "MSP id");
            }
            if (org.peers() < 1 || org.peers() > MAX_NODES_PER_ORG) {
                problem(at + ".peers", "must be between 1 and " + MAX_NODES_PER_ORG + ", was " + org.peers());
            }
        }
    }

    private void unique(Map<String, String> seen, String value, String field, String what) {
        if (value == null) {
            return;
        }
        String first = seen.putIfAbsent(value, field);
        if (first != null) {
            problem(field, "duplicate " + what + " '" + value + "' (also used by " + first + ")");
        }
    }

    private boolean mspId(String field, String value) {
        if (!present(field, value)) {
            return false;
        }
        if (!MSP_ID.matcher(value).matches()) {
            problem(field, "'" + value + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
            return false;
        }
        return true;
    }

    private void checkChannels() {
        if (spec.channels().isEmpty()) {
            problem("channels", "must name at least one channel");
        }
        Set<String> orgNames = new HashSet<>();
        spec.peerOrgs().forEach(o -> orgNames.add(o.name()));
        Map<String, String> channelNames = new HashMap<>();
        for (int i = 0; i < spec.channels().size(); i++) {
            ChannelSpec ch = spec.channels().get(i);
            String at = "channels[" + i + "]";
            if (present(at + ".name", ch.name())) {
                if (!CHANNEL.matcher(ch.name()).matches() || ch.name().length() > 249) {
                    problem(
                            at + ".name",
                            "'" + ch.name() + "' is not a channel name (lower-case letter, then lower-case "
                                    + "letters, digits, '.' or '-', at most 249 characters)");
                }
                unique(channelNames, ch.name(), at + ".name", "channel name");
            }
            checkMembers(at, ch, orgNames);
            ch.policies().forEach((policy, rule) -> {
                if (!ChannelSpec.POLICY_NAMES.contains(policy)) {
                    problem(
                            at + ".policies." + policy,
                            "unknown policy; one of "
                                    + ChannelSpec.POLICY_NAMES.stream().sorted().toList());
                } else if (rule == null || rule.isBlank()) {
                    problem(at + ".policies." + policy, "rule is required");
                }
            });
        }
    }

    private void checkMembers(String at, ChannelSpec ch, Set<String> orgNames) {
        if (ch.orgs().isEmpty()) {
            problem(at + ".orgs", "must name at least one peer org");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < ch.orgs().size(); j++) {
            String org = ch.orgs().get(j);
            String field = at + ".orgs[" + j + "]";
            if (org == null || !orgNames.contains(org)) {
                problem(
                        field,
                        "unknown org '" + org + "'; peer orgs are "
                                + orgNames.stream().sorted().toList());
            } else if (!seen.add(org)) {
                problem(field, "org '" + org + "' is listed twice");
            }
        }
    }

    private void checkImagesAndResources() {
        present("images.peer", spec.images().peer());
        present("images.orderer", spec.images().orderer());
        present("images.ca", spec.images().ca());
        present("images.couchdb", spec.images().couchdb());
        quantity("storage.size", spec.storage().size());
        String storageClass = spec.storage().storageClass();
        if (storageClass != null && !DNS_SUBDOMAIN.matcher(storageClass).matches()) {
            problem("storage.storageClass", "'" + storageClass + "' is not a DNS-1123 subdomain");
        }
        ResourcesSpec r = spec.resources();
        resource("resources.orderer", r.orderer());
        resource("resources.peer", r.peer());
        resource("resources.couchdb", r.couchdb());
        resource("resources.ca", r.ca());
    }

    private void resource(String field, ResourceSpec r) {
        quantity(field + ".cpu", r.cpu());
        quantity(field + ".memory", r.memory());
    }

    private void quantity(String field, String value) {
        if (present(field, value) && !QUANTITY.matcher(value).matches()) {
            problem(field, "'" + value + "' is not a Kubernetes quantity such as 100m, 256Mi or 1Gi");
        }
    }

    private void checkLocalPorts() {
        present("local.host", spec.local().host());
        List<PortBlock> blocks = new ArrayList<>();
        OrdererOrgSpec ord = spec.ordererOrg();
        blocks.add(new PortBlock(
                ord.localPortBase() != null ? "ordererOrg.localPortBase" : "local.portBase", ord.name(), -1));
        for (int i = 0; i < spec.peerOrgs().size(); i++) {
            PeerOrgSpec org = spec.peerOrgs().get(i);
            blocks.add(new PortBlock(
                    org.localPortBase() != null ? "peerOrgs[" + i + "].localPortBase" : "local.portBase",
                    org.name(),
                    i));
        }
        if (blocks.stream().anyMatch(b -> b.org() == null)
                || blocks.stream().map(PortBlock::org).distinct().count() < blocks.size()) {
            return; // missing or duplicate org names are reported already, and blocks are found by name
        }
        NetworkNaming naming = NetworkNaming.of(spec);
        List<int[]> ranges = new ArrayList<>();
        for (PortBlock block : blocks) {
            int base = naming.localPortBase(block.org());
            int[] range = {base, base + FabricPorts.LOCAL_BLOCK_SIZE - 1};
            String who = block.index() < 0 ? "ordererOrg" : "peerOrgs[" + block.index() + "]";
            if (base < 1024 || range[1] > 65535) {
                problem(
                        block.field(),
                        who + " needs local ports " + range[0] + "-" + range[1] + ", outside 1024-65535");
            }
            for (int k = 0; k < ranges.size(); k++) {
                int[] other = ranges.get(k);
                if (range[0] <= other[1] && other[0] <= range[1]) {
                    String otherWho = k == 0 ? "ordererOrg" : "peerOrgs[" + (k - 1) + "]";
                    problem(
                            block.field(),
                            who + " local ports " + range[0] + "-" + range[1] + " clash with " + otherWho + " ports "
                                    + other[0] + "-" + other[1]);
                }
            }
            ranges.add(range);
        }
    }

    private record PortBlock(String field, String org, int index) {}
}
