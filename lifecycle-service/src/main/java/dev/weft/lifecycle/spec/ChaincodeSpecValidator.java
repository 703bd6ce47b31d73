package dev.weft.lifecycle.spec;

import dev.weft.events.NetworkReady;
import dev.weft.fabric.admin.channel.PolicyDsl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ChaincodeSpec} and returns every problem with its field path, so a client fixes them all at once.
 *
 * <pre>{@code
 * List<SpecProblem> problems = ChaincodeSpecValidator.validate(spec);
 * ChaincodeSpec valid = ChaincodeSpecValidator.requireValid(spec);   // throws InvalidSpecException
 * }</pre>
 */
public final class ChaincodeSpecValidator {

    // The chaincode name becomes part of Kubernetes names (chaincode-<name>-<org>), so DNS-1123 rules apply.
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");
    // Fabric's label rule (core/chaincode/persistence/chaincode_package.go).
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern INDEX_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*\\.json");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?");
    private static final Set<String> RESOURCE_GROUPS = Set.of("requests", "limits");
    private static final Set<String> RESOURCE_NAMES = Set.of("cpu", "memory");

    private ChaincodeSpecValidator() {}

    /** The spec with defaults applied, or an {@link InvalidSpecException} listing every problem. */
    public static ChaincodeSpec requireValid(ChaincodeSpec spec) {
        List<SpecProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec.withDefaults();
    }

    /**
     * Checks a valid spec against the network it names, once that network has announced itself: an organization or
     * channel the network lacks would otherwise be accepted and only fail at the workflow's first step.
     *
     * @throws InvalidSpecException naming {@code organizations[i]} or {@code channel}
     */
    public static void requireFits(ChaincodeSpec spec, NetworkReady network) {
        List<SpecProblem> problems = new ArrayList<>();
        List<String> members = network.organizations().stream()
                .map(NetworkReady.Organization::mspId)
                .toList();
        for (int i = 0; i < spec.organizations().size(); i++) {
            String mspId = spec.organizations().get(i);
            if (!members.contains(mspId)) {
                problems.add(new SpecProblem(
                        "organizations[" + i + "]",
                        "organization " + mspId + " is not part of network " + network.network() + " (it has " + members
                                + ")"));
            }
        }
        if (!network.channels().isEmpty() && !network.channels().contains(spec.channel())) {
            problems.add(new SpecProblem(
                    "channel",
                    "network " + network.network() + " has no channel " + spec.channel() + " (it has "
                            + network.channels() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    /** Every problem of {@code spec}; empty when it is valid. */
    public static List<SpecProblem> validate(ChaincodeSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        if (spec == null) {
            problems.add(new SpecProblem("", "a chaincode spec is required"));
            return problems;
        }
        match(problems, "name", spec.name(), NAME, "lower-case letters, digits and '-', at most 32 characters");
        match(problems, "version", spec.version(), VERSION, "letters, digits, '_', '.', '+' and '-'");
        if (spec.label() != null) {
            match(problems, "label", spec.label(), LABEL, "letters, digits, '_', '.', '+' and '-'");
        }
        if (spec.channel() != null) {
            match(problems, "channel", spec.channel(), CHANNEL, "a Fabric channel name");
        }
        if (blank(spec.network())) {
            problems.add(new SpecProblem("network", "is required"));
        }
        organizations(problems, spec.organizations());
        server(problems, spec.server());
        if (spec.endorsementPolicy() != null) {
            try {
                PolicyDsl.parse(spec.endorsementPolicy());
            } catch (RuntimeException e) {
                problems.add(new SpecProblem("endorsementPolicy", e.getMessage()));
            }
        }
        if (spec.init() != null && blank(spec.init().function())) {
            problems.add(new SpecProblem("init.function", "is required when init is given"));
        }
        if (spec.couchDbIndexes() != null) {
            spec.couchDbIndexes().forEach((file, json) -> {
                if (!INDEX_FILE.matcher(file).matches()) {
                    problems.add(new SpecProblem("couchDbIndexes." + file, "must be a plain *.json file name"));
                }
                if (blank(json)) {
                    problems.add(new SpecProblem("couchDbIndexes." + file, "must hold the index definition"));
                }
            });
        }
        if (spec.replicas() != null && (spec.replicas() < 0 || spec.replicas() > 10)) {
            problems.add(new SpecProblem("replicas", "must be between 0 and 10"));
        }
        resources(problems, spec.resources());
        return problems;
    }

    private static void organizations(List<SpecProblem> problems, List<String> organizations) {
        if (organizations == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < organizations.size(); i++) {
            String mspId = organizations.get(i);
            String field = "organizations[" + i + "]";
            if (mspId == null || !MSP_ID.matcher(mspId).matches()) {
                problems.add(new SpecProblem(field, "must be an MSP id such as Org1MSP"));
            } else if (!seen.add(mspId)) {
                problems.add(new SpecProblem(field, "duplicate organization " + mspId));
            }
        }
    }

    private static void server(List<SpecProblem> problems, ServerSpec server) {
        if (server == null) {
            return;
        }
        if (server.command() != null && server.command().isEmpty()) {
            problems.add(new SpecProblem("server.command", "must not be empty when given"));
        }
        if (server.command() != null && server.jar() != null) {
            problems.add(new SpecProblem("server.jar", "give either server.command or server.jar, not both"));
        }
        if (server.image() != null && server.image().isBlank()) {
            problems.add(new SpecProblem("server.image", "must not be blank when given"));
        }
    }

    private static void resources(List<SpecProblem> problems, Map<String, Map<String, String>> resources) {
        if (resources == null) {
            return;
        }
        resources.forEach((group, values) -> {
            if (!RESOURCE_GROUPS.contains(group)) {
                problems.add(new SpecProblem("resources." + group, "must be requests or limits"));
                return;
            }
            (values == null ? Map.<String, String>of() : values).forEach((resource, quantity) -> {
                String field = "resources." + group + "." + resource;
                if (!RESOURCE_NAMES.contains(resource)) {
                    problems.add(new SpecProblem(field, "must be cpu or memory"));
                } else if (quantity == null || !QUANTITY.matcher(quantity).matches()) {
                    problems.add(new SpecProblem(field, "must be a Kubernetes quantity such as 250m or 256Mi"));
                }
            });
        });
    }

    private static void match(List<SpecProblem> problems, String field, String value, Pattern pattern, String rule) {
        if (blank(value)) {
            problems.add(new SpecProblem(field, "is required"));
        } else if (!pattern.matcher(value).matches()) {
            problems.add(new SpecProblem(field, "'" + value + "' is invalid: " + rule));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
