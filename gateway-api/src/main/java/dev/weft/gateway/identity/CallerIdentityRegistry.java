package dev.weft.gateway.identity;

import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.FabricCaClient;
import dev.weft.gateway.identity.ca.FabricCaException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Principal name → enrolled Fabric identity, registered and enrolled with the org's Fabric CA on first use and kept
 * in an {@link EnrollmentStore}, so a restart reuses it and nothing is registered twice.
 *
 * <p>Every step may be repeated, so a crash anywhere converges on the next call: the identity is registered with a
 * secret made here; when the CA says it is registered already (an earlier attempt got that far), the registrar sets
 * a new secret; then it is enrolled and stored. The secret is never written down. The registrar itself is enrolled
 * once and stored the same way (kind {@value #REGISTRAR}).
 *
 * <pre>{@code
 * CallerIdentityRegistry registry = new CallerIdentityRegistry(ca, store, new EnrollmentIds("caller-"), settings,
 *         () -> Files.readString(secretFile).trim(), Clock.systemUTC());
 * Enrollment alice = registry.enrollment("alice"); // caller-alice, CN=caller-alice, attribute weft.caller=alice
 * }</pre>
 */
public final class CallerIdentityRegistry {

    /** The store kind of callers' identities. */
    public static final String CALLERS = "callers";

    /** The store kind of the registrar's identity. */
    public static final String REGISTRAR = "registrar";

    /** The attribute, put into the caller's certificate, that names the principal. */
    public static final String CALLER_ATTRIBUTE = "weft.caller";

    /** A stored certificate this close to its end is replaced. */
    static final Duration RENEW_BEFORE = Duration.ofHours(1);

    /**
     * How callers are registered.
     *
     * @param registrarId the registrar's enrollment id
     * @param identityType the callers' identity type ({@code client})
     * @param affiliation the callers' affiliation; null for the registrar's
     */
    public record Settings(String registrarId, String identityType, String affiliation) {
        public Settings {
            Objects.requireNonNull(registrarId, "registrarId");
            Objects.requireNonNull(identityType, "identityType");
        }
    }

    private static final Logger LOG = Logger.getLogger(CallerIdentityRegistry.class);
    private static final int LOCK_STRIPES = 64;

    private final FabricCaClient ca;
    private final EnrollmentStore store;
    private final EnrollmentIds ids;
    private final Settings settings;
    private final Supplier<String> registrarSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object[] locks = new Object[LOCK_STRIPES];
    private volatile Enrollment registrar;

    public CallerIdentityRegistry(
            FabricCaClient ca,
            EnrollmentStore store,
            EnrollmentIds ids,
            Settings settings,
            Supplier<String> registrarSecret,
            Clock clock) {
        this.ca = ca;
        this.store = store;
        this.ids = ids;
        this.settings = settings;
        this.registrarSecret = registrarSecret;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The enrollment id of {@code principal}. */
    public String enrollmentId(String principal) {
        return ids.of(principal);
    }

    /**
     * The caller's identity: the stored one, or one registered and enrolled now.
     *
     * @throws FabricCaException when the CA refuses or cannot be reached
     */
    public Enrollment enrollment(String principal) {
        String id = ids.of(principal);
        synchronized (locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)]) {
            Optional<Enrollment> stored = store.load(CALLERS, id).filter(this::current);
            if (stored.isPresent()) {
                return stored.get();
            }
            Enrollment enrolled = registerAndEnroll(principal, id);
            store.save(CALLERS, enrolled);
            LOG.infof("enrolled Fabric identity %s for caller %s", id, principal);
            return enrolled;
        }
    }

    /** Whether the certificate is valid for a while yet. */
    public boolean current(Enrollment enrollment) {
        return enrollment
                .certificate()
                .getNotAfter()
                .toInstant()
                .isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private Enrollment registerAndEnroll(String principal, String id) {
        String secret = HexFormat.of().formatHex(randomBytes());
        FabricCaClient.Registration registration = new FabricCaClient.Registration(
                id,
                settings.identityType(),
                settings.affiliation(),
                secret,
                List.of(new FabricCaClient.Attribute(CALLER_ATTRIBUTE, principal, true)));
        asRegistrar(admin -> {
            try {
                ca.register(admin, registration);
            } catch (FabricCaException e) {
                if (!e.has(FabricCaException.IDENTITY_ALREADY_REGISTERED)) {
                    throw e;
                }
                // Registered by an earlier attempt whose secret is gone (or by whoever else): take it over.
                LOG.infof("Fabric identity %s is registered already; setting a new secret to enroll it", id);
                ca.modifySecret(admin, id, secret);
            }
        });
        return ca.enroll(id, secret);
    }

    /** Runs {@code action} with the registrar's identity, enrolling it afresh once if the CA rejects the stored one. */
    private void asRegistrar(java.util.function.Consumer<Enrollment> action) {
        Enrollment admin = registrar(false);
        try {
            action.accept(admin);
        } catch (FabricCaException e) {
            if (e.httpStatus() != 401 && !e.has(FabricCaException.AUTHENTICATION_FAILURE)) {
                throw e;
            }
            LOG.warnf(
                    "the Fabric CA rejected the stored registrar identity %s; enrolling it again",
                    admin.enrollmentId());
            action.accept(registrar(true));
        }
    }

    private synchronized Enrollment registrar(boolean renew) {
        Enrollment current = registrar;
        if (!renew && current != null && current(current)) {
            return current;
        }
        if (!renew) {
            current = store.load(REGISTRAR, settings.registrarId())
                    .filter(this::current)
                    .orElse(null);
        }
        if (current == null || renew) {
            current = ca.enroll(settings.registrarId(), registrarSecret.get());
            store.save(REGISTRAR, current);
            LOG.infof("enrolled the Fabric CA registrar %s", settings.registrarId());
        }
        registrar = current;
        return current;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return bytes;
    }
}
