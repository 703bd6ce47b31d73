package dev.weft.lifecycle.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What to deploy: one chaincode on one channel of one network, run as an external service by each member
 * organization. Validated by {@link ChaincodeSpecValidator}; defaults are applied by {@link #withDefaults()}.
 *
 * <pre>{@code
 * ChaincodeSpec marbles = new ChaincodeSpec("marbles", "1.0", null, "mychannel", "net1",
 *         List.of("Org1MSP", "Org2MSP"), ServerSpec.jar("/opt/weft/marbles.jar"), PackageType.CCAAS,
 *         "AND('Org1MSP.peer','Org2MSP.peer')", false, null, TlsMode.MTLS, null, 1, null).withDefaults();
 * }</pre>
 *
 * @param name the chaincode name (the channel namespace), lower case, e.g. {@code marbles}
 * @param version the version label, e.g. {@code 1.0}
 * @param label the package label; default {@code <name>_<version>}
 * @param channel the channel; default {@code mychannel}
 * @param network the network, as named in its {@code NetworkReady} event
 * @param organizations the member MSP ids that run a server and approve; default every organization of the network
 * @param server how to run the chaincode server: an image on Kubernetes, a command or a jar locally
 * @param type the package type, {@code ccaas} (default) or {@code external}
 * @param endorsementPolicy a signature policy such as {@code AND('Org1MSP.peer','Org2MSP.peer')}; default the
 *     channel's {@code /Channel/Application/Endorsement}
 * @param initRequired whether the definition requires an init transaction
 * @param init the init call made after the commit when {@code initRequired}
 * @param tls TLS between peer and chaincode server; default {@code mtls}
 * @param couchDbIndexes CouchDB index files by file name; default those under {@code META-INF/statedb/couchdb/indexes/}
 *     of the chaincode jar
 * @param replicas chaincode server replicas per organization on Kubernetes; default 1
 * @param resources container resources on Kubernetes, e.g. {@code {requests: {cpu: 100m}}}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChaincodeSpec(
        String name,
        String version,
        String label,
        String channel,
        String network,
        List<String> organizations,
        ServerSpec server,
        PackageType type,
        String endorsementPolicy,
        Boolean initRequired,
        InitCall init,
        TlsMode tls,
        Map<String, String> couchDbIndexes,
        Integer replicas,
        Map<String, Map<String, String>> resources) {

    /** The channel used when none is given. */
    public static final String DEFAULT_CHANNEL = "mychannel";

    /** The spec with every default filled in (organizations stay empty: they come from the network). */
    public ChaincodeSpec withDefaults() {
        return new ChaincodeSpec(
                name,
                version,
                label != null ? label : name + "_" + version,
                channel != null ? channel : DEFAULT_CHANNEL,
                network,
                organizations != null ? List.copyOf(organizations) : List.of(),
                server != null ? server : new ServerSpec(null, null, null),
                type != null ? type : PackageType.CCAAS,
                endorsementPolicy,
                initRequired != null ? initRequired : Boolean.FALSE,
                init,
                tls != null ? tls : TlsMode.MTLS,
                couchDbIndexes,
                replicas != null ? replicas : 1,
                resources != null ? resources : Map.of());
    }

    /** The same spec for the given organizations. */
    public ChaincodeSpec withOrganizations(List<String> members) {
        return new ChaincodeSpec(
                name,
                version,
                label,
                channel,
                network,
                List.copyOf(members),
                server,
                type,
                endorsementPolicy,
                initRequired,
                init,
                tls,
                couchDbIndexes,
                replicas,
                resources);
    }

    /** The same spec at another version, with the label following it when it was the default. */
    public ChaincodeSpec withVersion(String newVersion) {
        String newLabel = label == null || label.equals(name + "_" + version) ? name + "_" + newVersion : label;
        return new ChaincodeSpec(
                name,
                newVersion,
                newLabel,
                channel,
                network,
                organizations,
                server,
                type,
                endorsementPolicy,
                initRequired,
                init,
                tls,
                couchDbIndexes,
                replicas,
                resources);
    }

    /** Whether init must be called after the commit. */
    public boolean requiresInit() {
        return Boolean.TRUE.equals(initRequired);
    }

    /**
     * The init transaction.
     *
     * @param function the function name, e.g. {@code Init}
     * @param args its arguments
     */
    public record InitCall(String function, List<String> args) {
        public InitCall {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }
}
