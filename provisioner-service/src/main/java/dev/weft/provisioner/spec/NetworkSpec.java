package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What a Fabric network should look like. Immutable; parsed specs may leave any field but {@code name} out, and
 * {@link #withDefaults()} fills the gaps so that a spec holding only a name reproduces the walkthrough: three Raft
 * orderers in {@code OrdererMSP}, {@code org1}/{@code Org1MSP} and {@code org2}/{@code Org2MSP} with one peer and
 * one CA each, channel {@code mychannel} with both orgs, CouchDB, TLS on, Fabric 2.5.12.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.defaults("demo");
 * spec.namespace();             // "demo"
 * spec.peerOrgs().get(0).mspId(); // "Org1MSP"
 * }</pre>
 *
 * <p>After {@code withDefaults()} no field is {@code null} except {@code storage.storageClass},
 * {@code local.couchDbUrl} and the orgs' {@code localPortBase}.
 *
 * @param name network name, a DNS-1123 label; required
 * @param namespace Kubernetes namespace, default the name
 * @param createNamespace whether the Kubernetes runtime creates (and on purge deletes) the namespace, default true
 * @param ordererOrg the ordering organisation
 * @param peerOrgs the peer organisations, default {@code org1} and {@code org2}
 * @param channels application channels, default {@code mychannel} with every peer org
 * @param stateDatabase peers' state database, default {@code couchdb}
 * @param tls TLS on the peers' and orderers' client endpoints, default true (Raft cluster traffic and the orderer
 *     admin endpoint always use TLS; the admin endpoint always requires client certificates)
 * @param fabricVersion Fabric version of the peer and orderer images, default {@code 2.5.12}
 * @param images container images
 * @param storage persistent storage per node
 * @param resources resource requests per container kind
 * @param local settings of the local-process runtime
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "namespace",
    "createNamespace",
    "ordererOrg",
    "peerOrgs",
    "channels",
    "stateDatabase",
    "tls",
    "fabricVersion",
    "images",
    "storage",
    "resources",
    "local"
})
public record NetworkSpec(
        String name,
        String namespace,
        Boolean createNamespace,
        OrdererOrgSpec ordererOrg,
        List<PeerOrgSpec> peerOrgs,
        List<ChannelSpec> channels,
        StateDatabase stateDatabase,
        Boolean tls,
        String fabricVersion,
        ImagesSpec images,
        StorageSpec storage,
        ResourcesSpec resources,
        LocalSpec local) {

    /** Fabric version used when a spec names none. */
    public static final String DEFAULT_FABRIC_VERSION = "2.5.12";

    /** Channel created when a spec names none. */
    public static final String DEFAULT_CHANNEL = "mychannel";

    public NetworkSpec {
        peerOrgs = peerOrgs == null ? null : List.copyOf(peerOrgs);
        channels = channels == null ? null : List.copyOf(channels);
    }

    /** The walkthrough's network under the given name, defaults applied. */
    public static NetworkSpec defaults(String name) {
        return new NetworkSpec(name, null, null, null, null, null, null, null, null, null, null, null, null)
                .withDefaults();
    }

    /** A copy with every missing field set to its default; applying it twice changes nothing. */
    public NetworkSpec withDefaults() {
        List<PeerOrgSpec> orgs = peerOrgs != null
                ? peerOrgs.stream()
                        .map(o -> o == null ? new PeerOrgSpec(null, null, null, null, null) : o)
                        .map(PeerOrgSpec::withDefaults)
                        .toList()
                : List.of(PeerOrgSpec.named("org1"), PeerOrgSpec.named("org2"));
        List<ChannelSpec> chans = channels != null ? channels : List.of(new ChannelSpec(DEFAULT_CHANNEL, null, null));
        String version = Objects.requireNonNullElse(fabricVersion, DEFAULT_FABRIC_VERSION);
        return new NetworkSpec(
                name,
                namespace != null ? namespace : name,
                Objects.requireNonNullElse(createNamespace, true),
                ordererOrg == null ? OrdererOrgSpec.defaults() : ordererOrg.withDefaults(),
                orgs,
                chans.stream()
                        .map(c -> c == null ? new ChannelSpec(null, null, null) : c)
                        .map(c -> c.withDefaults(orgs))
                        .toList(),
                Objects.requireNonNullElse(stateDatabase, StateDatabase.COUCHDB),
                Objects.requireNonNullElse(tls, true),
                version,
                (images == null ? new ImagesSpec(null, null, null, null) : images).withDefaults(version),
                (storage == null ? new StorageSpec(null, null) : storage).withDefaults(),
                (resources == null ? new ResourcesSpec(null, null, null, null) : resources).withDefaults(),
                (local == null ? new LocalSpec(null, null, null) : local).withDefaults());
    }

    /** The peer org with this name, or {@code null}. */
    public PeerOrgSpec peerOrg(String orgName) {
        return peerOrgs == null
                ? null
                : peerOrgs.stream()
                        .filter(o -> Objects.equals(o.name(), orgName))
                        .findFirst()
                        .orElse(null);
    }
}
