package dev.weft.lifecycle.workflow;

import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.lifecycle.artifacts.CouchDbIndexes;
import dev.weft.lifecycle.artifacts.ServerTlsStore;
import dev.weft.lifecycle.model.ChaincodeResources;
import dev.weft.lifecycle.model.OrgPackages;
import dev.weft.lifecycle.model.ServerTls;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.TlsMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes an organization's package: issues (or reloads) the server's TLS material, reads the CouchDB indexes, builds
 * the package with {@link OrgPackages} and keeps a copy under {@code <root>/<chaincode>/<org>/} for inspection.
 *
 * <pre>{@code
 * Packaging.Built built = packaging.build(spec, "Org1MSP", "127.0.0.1:41021");
 * built.chaincodePackage().packageId();
 * }</pre>
 */
public final class Packaging {

    /**
     * A built package and the TLS material its server needs.
     *
     * @param chaincodePackage the package
     * @param tls the server's TLS material, or {@code null} without TLS
     */
    public record Built(ChaincodePackage chaincodePackage, ServerTls tls) {}

    private final Path root;
    private final ServerTlsStore tlsStore;
    private final Path defaultJar;
    private final Duration dialTimeout;

    public Packaging(Path root, ServerTlsStore tlsStore, Path defaultJar, Duration dialTimeout) {
        this.root = root;
        this.tlsStore = tlsStore;
        this.defaultJar = defaultJar;
        this.dialTimeout = dialTimeout;
    }

    /** What, besides the address, makes a package differ: one reserved address per shape. */
    static String shape(ChaincodeSpec spec) {
        return spec.label() + "|" + spec.type().value() + "|" + spec.tls().value();
    }

    /** Builds {@code mspId}'s package of {@code spec} for {@code address}. */
    public Built build(ChaincodeSpec spec, String mspId, String address) {
        ServerTls tls = spec.tls() == TlsMode.NONE ? null : issue(spec, mspId, address);
        Map<String, byte[]> indexes = spec.couchDbIndexes() != null
                ? CouchDbIndexes.fromSpec(spec.couchDbIndexes())
                : CouchDbIndexes.fromJar(
                        spec.server().jar() != null ? Path.of(spec.server().jar()) : defaultJar);
        ChaincodePackage pkg = OrgPackages.build(spec, address, tls, indexes, dialTimeout);
        keepCopy(spec, mspId, pkg);
        return new Built(pkg, tls);
    }

    private ServerTls issue(ChaincodeSpec spec, String mspId, String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        String serverName = ChaincodeResources.serverName(spec.name(), mspId);
        List<String> sans = new ArrayList<>();
        sans.add(serverName);
        if (!host.equals(serverName)) {
            sans.add(host);
        }
        if (!sans.contains("localhost") && host.equals("127.0.0.1")) {
            sans.add("localhost");
        }
        // The certificate's name is the host when it is a DNS name (Kubernetes), the server name otherwise.
        String name = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') ? serverName : host;
        sans.remove(name);
        return tlsStore.issue(spec.name(), mspId, name, sans);
    }

    private void keepCopy(ChaincodeSpec spec, String mspId, ChaincodePackage pkg) {
        Path file = root.resolve(spec.name())
                .resolve(ChaincodeResources.orgSlug(mspId))
                .resolve(spec.label() + "-" + ChaincodeResources.packageHash(pkg.packageId()) + ".tgz");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.write(file, pkg.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the package in " + file, e);
        }
    }
}
