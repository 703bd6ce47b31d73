package dev.weft.provisioner.kubernetes.model;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folders of key and certificate files as Secrets, and the volumes that put the folders back together in a pod.
 *
 * <p>Secret keys cannot contain {@code /}, so {@code signcerts/cert.pem} is stored under {@code signcerts.cert.pem}
 * and the volume's {@code items} map every key back to its path: the container sees the folder layout Fabric expects.
 */
final class CryptoSecrets {

    /** Secret volumes are read-only: owner and group read. */
    private static final int READ_ONLY = 0440;

    private CryptoSecrets() {}

    /** A Secret holding the files, keyed by flattened path, values base64 as the API stores them. */
    static Secret secret(String name, String namespace, Map<String, String> labels, Map<String, byte[]> files) {
        Map<String, String> data = new TreeMap<>();
        keys(files).forEach((path, key) -> data.put(key, Base64.getEncoder().encodeToString(files.get(path))));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** A volume that lays the Secret's files out as the original folder. */
    static Volume volume(String volumeName, String secretName, Map<String, byte[]> files) {
        List<KeyToPath> items = new ArrayList<>();
        keys(files).forEach((path, key) -> items.add(new KeyToPath(key, null, path)));
        return new VolumeBuilder()
                .withName(volumeName)
                .withNewSecret()
                .withSecretName(secretName)
                .withDefaultMode(READ_ONLY)
                .withItems(items)
                .endSecret()
                .build();
    }

    /** Path → Secret key, sorted by path. */
    static Map<String, String> keys(Map<String, byte[]> files) {
        Map<String, String> keys = new TreeMap<>();
        Map<String, String> taken = new TreeMap<>();
        for (String path : new TreeMap<>(files).keySet()) {
            if (path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("crypto file path must be relative: " + path);
            }
            String key = path.replace('/', '.');
            String clash = taken.putIfAbsent(key, path);
            if (clash != null) {
                throw new IllegalArgumentException(
                        "crypto files " + clash + " and " + path + " would share the Secret key " + key);
            }
            keys.put(path, key);
        }
        return keys;
    }
}
