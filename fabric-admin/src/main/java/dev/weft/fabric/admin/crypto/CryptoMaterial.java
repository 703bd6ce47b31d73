package dev.weft.fabric.admin.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All crypto material of a topology, in memory: orderer orgs first, then peer orgs.
 *
 * <pre>{@code
 * CryptoMaterial crypto = new CryptoGenerator().generate(Topology.walkthrough());
 * SigningIdentity org1Admin = crypto.org("Org1").admin().signingIdentity();
 * Map<String, byte[]> tree = crypto.files();   // "peerOrganizations/org1.example.com/ca/priv_sk" -> PEM
 * }</pre>
 *
 * @param topology what the material was made for
 * @param orgs per-org material, in {@link Topology#orgs()} order
 */
public record CryptoMaterial(Topology topology, List<OrgMaterial> orgs) {

    public CryptoMaterial {
        orgs = List.copyOf(orgs);
    }

    /** An org by name ({@code Org1}), MSP id ({@code Org1MSP}) or domain ({@code org1.example.com}). */
    public OrgMaterial org(String nameOrMspIdOrDomain) {
        return orgs.stream()
                .filter(o -> o.name().equals(nameOrMspIdOrDomain)
                        || o.mspId().equals(nameOrMspIdOrDomain)
                        || o.domain().equals(nameOrMspIdOrDomain))
                .findFirst()
                .orElseThrow(() -> new CryptoException("no org '" + nameOrMspIdOrDomain + "' in the crypto material"));
    }

    /** The orderer orgs. */
    public List<OrgMaterial> ordererOrgs() {
        return orgs.stream().filter(OrgMaterial::isOrdererOrg).toList();
    }

    /** The peer orgs. */
    public List<OrgMaterial> peerOrgs() {
        return orgs.stream().filter(o -> !o.isOrdererOrg()).toList();
    }

    /** Every file of the tree keyed by path relative to the crypto root, as {@link CryptoStore#writeTo} writes it. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (OrgMaterial org : orgs) {
            org.files().forEach((path, bytes) -> files.put(org.directory() + "/" + path, bytes));
        }
        return Collections.unmodifiableMap(files);
    }

    @Override
    public String toString() {
        return "CryptoMaterial" + orgs;
    }
}
