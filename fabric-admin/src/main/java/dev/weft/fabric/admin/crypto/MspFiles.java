package dev.weft.fabric.admin.crypto;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The file names and contents of Fabric's MSP folder convention, shared by local and verifying MSPs. */
final class MspFiles {

    static final String CONFIG_YAML = "config.yaml";
    static final String KEY_FILE = "priv_sk";

    private MspFiles() {}

    /** {@code cacerts/…}, {@code tlscacerts/…} and {@code config.yaml}: what every MSP folder holds. */
    static Map<String, byte[]> verifying(String caName, X509Certificate ca, String tlsCaName, X509Certificate tlsCa) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cacerts/" + caName + "-cert.pem", Pem.certificate(ca));
        files.put("tlscacerts/" + tlsCaName + "-cert.pem", Pem.certificate(tlsCa));
        files.put(CONFIG_YAML, nodeOusConfig("cacerts/" + caName + "-cert.pem"));
        return files;
    }

    /** The NodeOUs {@code config.yaml} cryptogen writes, with all four role identifiers. */
    static byte[] nodeOusConfig(String caCertPath) {
        StringBuilder yaml = new StringBuilder("NodeOUs:\n  Enable: true\n");
        for (String[] entry : new String[][] {
            {"ClientOUIdentifier", "client"},
            {"PeerOUIdentifier", "peer"},
            {"AdminOUIdentifier", "admin"},
            {"OrdererOUIdentifier", "orderer"}
        }) {
            yaml.append("  ").append(entry[0]).append(":\n");
            yaml.append("    Certificate: ").append(caCertPath).append('\n');
            yaml.append("    OrganizationalUnitIdentifier: ").append(entry[1]).append('\n');
        }
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
