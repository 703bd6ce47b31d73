package dev.weft.gateway.fabric;

import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.identity.CallerIdentityRegistry;
import dev.weft.gateway.identity.EnrollmentIds;
import dev.weft.gateway.identity.EnrollmentStore;
import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.FabricCaClient;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * Chooses whose Fabric identity signs the current request's transactions: in {@code per-caller} mode the
 * authenticated caller's (the Quarkus {@link SecurityIdentity} principal), registered and enrolled on first use;
 * otherwise, and for anonymous callers or work outside a request, the org identity (empty).
 *
 * <pre>{@code
 * connection.call(callers.current(), (network, gateway) -> ...);
 * }</pre>
 */
@ApplicationScoped
public class GatewayForCaller {

    private final GatewayConfig config;
    private final Instance<SecurityIdentity> securityIdentity;
    private final Map<String, SigningIdentity> identities;
    private final Map<String, Enrollment> enrollments;
    private volatile CallerIdentityRegistry registry;

    GatewayForCaller(GatewayConfig config, Instance<SecurityIdentity> securityIdentity) {
        this.config = config;
        this.securityIdentity = securityIdentity;
        int bound = Math.max(1, config.identity().perCaller().gatewayCacheSize());
        this.enrollments = new LinkedHashMap<>(16, 0.75f, true);
        this.identities = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SigningIdentity> eldest) {
                boolean evict = size() > bound;
                if (evict) {
                    enrollments.remove(eldest.getKey());
                }
                return evict;
            }
        };
    }

    /** Whether callers sign with identities of their own. */
    public boolean perCaller() {
        return config.identity().mode() == GatewayConfig.IdentityMode.PER_CALLER;
    }

    /**
     * The identity the current request signs with; empty for the org identity.
     *
     * @throws FabricUnavailableException when the caller's identity cannot be had (CA down or refusing, bad config)
     */
    public Optional<SigningIdentity> current() {
        if (!perCaller()) {
            return Optional.empty();
        }
        return principal().map(this::identityOf);
    }

    /** The authenticated caller's name, if a request with one is under way. */
    private Optional<String> principal() {
        if (!Arc.container().requestContext().isActive() || !securityIdentity.isResolvable()) {
            return Optional.empty();
        }
        SecurityIdentity identity = securityIdentity.get();
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return Optional.empty();
        }
        String name = identity.getPrincipal().getName();
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private SigningIdentity identityOf(String principal) {
        synchronized (identities) {
            SigningIdentity cached = identities.get(principal);
            if (cached != null && registry().current(enrollments.get(principal))) {
                return cached;
            }
        }
        Enrollment enrollment;
        try {
            enrollment = registry().enrollment(principal);
        } catch (RuntimeException e) {
            throw new FabricUnavailableException(
                    "no Fabric identity for caller " + principal + ": " + e.getMessage(), e);
        }
        SigningIdentity signing = new SigningIdentity(
                enrollment.enrollmentId(),
                new X509Identity(
                        config.identity()
                                .mspId()
                                .orElseThrow(() ->
                                        new FabricUnavailableException("weft.gateway.identity.msp-id is not set")),
                        enrollment.certificate()),
                Signers.newPrivateKeySigner(enrollment.privateKey()));
        synchronized (identities) {
            enrollments.put(principal, enrollment);
            identities.put(principal, signing);
        }
        return signing;
    }

    private CallerIdentityRegistry registry() {
        CallerIdentityRegistry current = registry;
        if (current == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = createRegistry(config.identity().perCaller());
                }
                current = registry;
            }
        }
        return current;
    }

    private static CallerIdentityRegistry createRegistry(GatewayConfig.PerCaller settings) {
        String prefix = "weft.gateway.identity.per-caller.";
        FabricCaClient ca;
        try {
            ca = FabricCaClient.create(
                    settings.caUrl().orElseThrow(() -> new FabricUnavailableException(prefix + "ca-url is not set")),
                    settings.caTlsCert(),
                    settings.caName(),
                    settings.caTimeout());
        } catch (IllegalArgumentException e) {
            throw new FabricUnavailableException(prefix + "ca-url / ca-tls-cert: " + e.getMessage());
        }
        Path secretFile = settings.registrarSecretFile()
                .orElseThrow(() -> new FabricUnavailableException(prefix + "registrar-secret-file is not set"));
        EnrollmentIds ids;
        try {
            ids = new EnrollmentIds(settings.enrollmentIdPrefix());
        } catch (IllegalArgumentException e) {
            throw new FabricUnavailableException(e.getMessage());
        }
        return new CallerIdentityRegistry(
                ca,
                new EnrollmentStore(settings.storeDir()),
                ids,
                new CallerIdentityRegistry.Settings(
                        settings.registrarId(),
                        settings.identityType(),
                        settings.affiliation().orElse(null)),
                () -> readSecret(secretFile),
                Clock.systemUTC());
    }

    private static String readSecret(Path file) {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new FabricUnavailableException("the registrar secret file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            // The path only: never the contents.
            throw new UncheckedIOException("cannot read the registrar secret file " + file, e);
        }
    }
}
