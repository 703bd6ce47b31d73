package dev.weft.lifecycle.model;

import java.util.Locale;

/**
 * Names of everything made for a chaincode server, in one place.
 *
 * <pre>{@code
 * ChaincodeResources.serverName("marbles", "Org1MSP")            // "chaincode-marbles-org1"
 * ChaincodeResources.kubernetesAddress("marbles", "Org1MSP", "net1") // "chaincode-marbles-org1.net1:7052"
 * ChaincodeResources.deploymentName("marbles", "Org1MSP", "marbles_1.0:ab12cd34…") // "chaincode-marbles-org1-ab12cd34"
 * }</pre>
 */
public final class ChaincodeResources {

    /** The port the chaincode server listens on in its pod. */
    public static final int CHAINCODE_PORT = 7052;

    private ChaincodeResources() {}

    /** {@code Org1MSP} → {@code org1}: the organization as it appears in names. */
    public static String orgSlug(String mspId) {
        String lower = mspId.toLowerCase(Locale.ROOT);
        if (lower.endsWith("msp") && lower.length() > 3) {
            lower = lower.substring(0, lower.length() - 3);
        }
        String slug = lower.replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "org" : slug;
    }

    /** {@code chaincode-<name>-<org>}: the Service, and the stem of every other name. */
    public static String serverName(String chaincode, String mspId) {
        return "chaincode-" + chaincode + "-" + orgSlug(mspId);
    }

    /** {@code chaincode-<name>-<org>.<namespace>:7052}, the address in the Kubernetes package. */
    public static String kubernetesAddress(String chaincode, String mspId, String namespace) {
        return kubernetesHost(chaincode, mspId, namespace) + ":" + CHAINCODE_PORT;
    }

    /** {@code chaincode-<name>-<org>.<namespace>}. */
    public static String kubernetesHost(String chaincode, String mspId, String namespace) {
        return serverName(chaincode, mspId) + "." + namespace;
    }

    /** The Secret with the server's TLS key pair and the CA it trusts for client certificates. */
    public static String tlsSecretName(String chaincode, String mspId) {
        return serverName(chaincode, mspId) + "-tls";
    }

    /**
     * The Deployment serving one package: a new package gets a new Deployment next to the old one, so the old
     * definition keeps its server until the new one is committed.
     */
    public static String deploymentName(String chaincode, String mspId, String packageId) {
        return serverName(chaincode, mspId) + "-" + packageHash(packageId);
    }

    /** The first 8 hex digits of the package hash, a label value that tells packages apart. */
    public static String packageHash(String packageId) {
        String hash = packageId.substring(packageId.lastIndexOf(':') + 1);
        return hash.substring(0, Math.min(8, hash.length()));
    }
}
