package dev.weft.lifecycle.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels of chaincode server objects: {@code app.kubernetes.io/*} plus Weft's own selectors. */
public final class ModelLabels {

    public static final String CHAINCODE = "weft.dev/chaincode";
    public static final String ORGANIZATION = "weft.dev/organization";
    public static final String PACKAGE_HASH = "weft.dev/package-hash";

    private ModelLabels() {}

    /** Labels shared by every object of one organization's server. */
    public static Map<String, String> common(String chaincode, String mspId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "chaincode-" + chaincode);
        labels.put("app.kubernetes.io/instance", ChaincodeResources.serverName(chaincode, mspId));
        labels.put("app.kubernetes.io/component", "chaincode-server");
        labels.put("app.kubernetes.io/part-of", "weft");
        labels.put("app.kubernetes.io/managed-by", "weft-lifecycle-service");
        labels.put(CHAINCODE, chaincode);
        labels.put(ORGANIZATION, ChaincodeResources.orgSlug(mspId));
        return labels;
    }

    /** The selector of the pods serving one package. */
    public static Map<String, String> selector(String chaincode, String mspId, String packageId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/instance", ChaincodeResources.serverName(chaincode, mspId));
        labels.put(PACKAGE_HASH, ChaincodeResources.packageHash(packageId));
        return labels;
    }
}
