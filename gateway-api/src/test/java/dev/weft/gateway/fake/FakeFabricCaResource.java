package dev.weft.gateway.fake;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Switches the gateway to per-caller identities against a {@link FakeFabricCa} over TLS, issuing under Org1's CA;
 * enrolled identities go to a fresh folder.
 */
public final class FakeFabricCaResource implements QuarkusTestResourceLifecycleManager {

    /** The org whose CA the fake runs. */
    public static final OrgMaterial ORG1 =
            new CryptoGenerator().generate(Topology.walkthrough()).org("Org1");

    private static FakeFabricCa ca;
    private static Path storeDir;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("weft-fake-ca");
            Path tlsCa = dir.resolve("tls-ca.pem");
            Files.write(tlsCa, ORG1.tlsCa().certificatePem());
            Path secret = dir.resolve("registrar-secret");
            Files.writeString(secret, "registrar-pw\n");
            storeDir = dir.resolve("identities");
            ca = FakeFabricCa.start(ORG1.ca(), ORG1.tlsCa(), "admin", "registrar-pw");
            return Map.of(
                    "weft.gateway.identity.mode", "per-caller",
                    "weft.gateway.identity.per-caller.ca-url", ca.url().toString(),
                    "weft.gateway.identity.per-caller.ca-tls-cert", tlsCa.toString(),
                    "weft.gateway.identity.per-caller.registrar-id", "admin",
                    "weft.gateway.identity.per-caller.registrar-secret-file", secret.toString(),
                    "weft.gateway.identity.per-caller.store-dir", storeDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (ca != null) {
            ca.close();
        }
    }

    /** The running fake CA. */
    public static FakeFabricCa ca() {
        return ca;
    }

    /** Where the gateway keeps enrolled identities. */
    public static Path storeDir() {
        return storeDir;
    }
}
