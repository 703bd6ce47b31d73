package dev.weft.lifecycle.artifacts;

import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Pem;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.lifecycle.model.ChaincodeResources;
import dev.weft.lifecycle.model.ServerTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Issues and keeps the TLS material of chaincode servers: per chaincode and organization a small CA (cryptogen
 * profile, made by fabric-admin's {@link CryptoStore}), a server certificate whose SANs are the chaincode address,
 * and the client certificate the peer presents. Kept on disk (keys mode 0600) and reused, because the certificates
 * are part of {@code connection.json} and so of the package id: new certificates on every run would mean a new
 * package and a new sequence. See ADR 0010 for why this is not the organization's TLS CA.
 *
 * <pre>{@code
 * ServerTls tls = new ServerTlsStore(workDir.resolve("tls")).issue("marbles", "Org1MSP", "chaincode-marbles-org1.net1",
 *         List.of("127.0.0.1"));
 * }</pre>
 */
public final class ServerTlsStore {

    private final Path root;

    public ServerTlsStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * The material of {@code mspId}'s server of {@code chaincode}: loaded when it exists, generated otherwise.
     *
     * @param host the host name of the chaincode address (certificate CN and first SAN)
     * @param extraSans further SANs, e.g. {@code 127.0.0.1} for a local server
     */
    public ServerTls issue(String chaincode, String mspId, String host, List<String> extraSans) {
        String slug = ChaincodeResources.orgSlug(mspId);
        String domain = slug + "." + chaincode + ".chaincode.weft";
        Topology topology = new Topology(
                List.of(),
                List.of(new Topology.PeerOrg(
                        "cc-" + chaincode + "-" + slug,
                        domain,
                        mspId,
                        List.of(new Topology.Node(host, extraSans)),
                        List.of())));
        CryptoMaterial material =
                CryptoStore.loadOrGenerate(root.resolve(chaincode).resolve(slug), topology);
        OrgMaterial org = material.peerOrgs().get(0);
        NodeMaterial server = org.node(host);
        NodeMaterial peerClient = org.admin();
        return new ServerTls(
                pem(Pem.certificate(org.tlsCa().certificate())),
                pem(Pem.certificate(server.tlsCertificate())),
                pem(Pem.privateKey(server.tlsPrivateKey())),
                pem(Pem.certificate(peerClient.tlsCertificate())),
                pem(Pem.privateKey(peerClient.tlsPrivateKey())));
    }

    private static String pem(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
