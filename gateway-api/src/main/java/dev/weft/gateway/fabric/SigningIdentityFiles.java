package dev.weft.gateway.fabric;

import dev.weft.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * Reads the gateway's Fabric identity from PEM files (a mounted Secret in Kubernetes). Errors name the file, never
 * its contents: the key must not reach a log.
 *
 * <pre>{@code
 * SigningIdentityFiles.Loaded id = SigningIdentityFiles.load(config.identity());
 * Gateway.newInstance().identity(id.identity()).signer(id.signer());
 * }</pre>
 */
public final class SigningIdentityFiles {

    /** The identity and its signer. */
    public record Loaded(Identity identity, Signer signer) {}

    private SigningIdentityFiles() {}

    /**
     * @throws FabricUnavailableException when the identity is not configured or a file cannot be read
     */
    public static Loaded load(GatewayConfig.Identity config) {
        String mspId = config.mspId()
                .orElseThrow(() -> new FabricUnavailableException("weft.gateway.identity.msp-id is not set"));
        Path certPath = config.certPath()
                .orElseThrow(() -> new FabricUnavailableException("weft.gateway.identity.cert-path is not set"));
        Path keyPath = config.keyPath()
                .orElseThrow(() -> new FabricUnavailableException("weft.gateway.identity.key-path is not set"));
        X509Certificate certificate;
        try (Reader reader = Files.newBufferedReader(certPath)) {
            certificate = Identities.readX509Certificate(reader);
        } catch (IOException | CertificateException e) {
            throw new FabricUnavailableException("cannot read the identity certificate " + certPath, e);
        }
        PrivateKey key;
        try (Reader reader = Files.newBufferedReader(keyPath)) {
            key = Identities.readPrivateKey(reader);
        } catch (IOException | InvalidKeyException e) {
            // No cause: some parsers quote the PEM they failed on.
            throw new FabricUnavailableException("cannot read the identity private key " + keyPath);
        }
        return new Loaded(new X509Identity(mspId, certificate), Signers.newPrivateKeySigner(key));
    }
}
