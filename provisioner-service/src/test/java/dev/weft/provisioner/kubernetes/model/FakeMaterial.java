package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.FabricNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed, fake crypto material: the model only copies bytes, so short PEM-looking text named after the node keeps
 * golden files stable and readable once decoded.
 */
public final class FakeMaterial implements NetworkMaterial {

    @Override
    public NodeFiles node(FabricNode node) {
        Map<String, byte[]> msp = new LinkedHashMap<>();
        msp.put("cacerts/ca." + node.org() + "-cert.pem", pem("CERTIFICATE", "ca " + node.org()));
        msp.put("tlscacerts/tlsca." + node.org() + "-cert.pem", pem("CERTIFICATE", "tlsca " + node.org()));
        msp.put("signcerts/" + node.name() + "-cert.pem", pem("CERTIFICATE", "sign " + node.name()));
        msp.put("keystore/priv_sk", pem("PRIVATE KEY", "sign key " + node.name()));
        msp.put("config.yaml", "NodeOUs:\n  Enable: true\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> tls = new LinkedHashMap<>();
        tls.put("ca.crt", pem("CERTIFICATE", "tlsca " + node.org()));
        tls.put("server.crt", pem("CERTIFICATE", "tls " + node.name()));
        tls.put("server.key", pem("PRIVATE KEY", "tls key " + node.name()));
        return new NodeFiles(msp, tls);
    }

    @Override
    public CaBootstrap ca(FabricNode ca) {
        return new CaBootstrap(
                pem("CERTIFICATE", "ca " + ca.org()), pem("PRIVATE KEY", "ca key " + ca.org()), "admin", "adminpw");
    }

    @Override
    public String couchDbPassword(FabricNode peer) {
        return "couch-" + peer.name();
    }

    private static byte[] pem(String type, String body) {
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
