package dev.weft.testing.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Real credentials for a service's Quarkus tests: an RSA key pair made for the test run (the public half is the
 * service's JWT verification key), a second pair the service does not trust (for forged tokens), and an API keys file
 * with one key per role, one with every role and one revoked.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(TestCredentials.Resource.class)
 * class SomeIT {
 *     void reads() { given().get("/api/v1/marbles/m1").then().statusCode(200); }      // all-roles API key
 *     void no_role() {
 *         RestAssured.given().auth().oauth2(TestCredentials.token("marbles:read"))
 *                 .delete("/api/v1/marbles/m1").then().statusCode(403);
 *     }
 * }
 * }</pre>
 *
 * <p>The material lives in files named by a system property, not in static fields: Quarkus loads a test resource and
 * the test class in different class loaders, which would otherwise each make their own key pair.
 */
public final class TestCredentials {

    /** The {@code iss} the services expect in tests. */
    public static final String ISSUER = "https://issuer.weft.test";

    /** The {@code aud} the services expect in tests. */
    public static final String AUDIENCE = "weft-test";

    /** Names of the API keys in the test keys file, each with the role of the same name (or every role). */
    public static final String READER = "reader";

    public static final String WRITER = "writer";
    public static final String NETWORK_ADMIN = "network-admin";
    public static final String CHAINCODE_ADMIN = "chaincode-admin";
    public static final String EVERY_ROLE = "every-role";
    public static final String REVOKED = "revoked";

    private static final String ALL_ROLES = "marbles:read,marbles:write,network:admin,chaincode:admin";
    private static final Map<String, String> KEYS = keyRoles();
    private static final String DIR_PROPERTY = "weft.test.credentials.dir";

    private TestCredentials() {}

    /** Puts the test credentials into the service's configuration. */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return config();
        }

        @Override
        public void stop() {}
    }

    /** The {@code weft.security.*} settings that make a service trust these credentials. */
    public static Map<String, String> config() {
        Path dir = dir();
        return Map.of(
                "weft.security.enabled",
                "true",
                "weft.security.jwt.issuer",
                ISSUER,
                "weft.security.jwt.audience",
                AUDIENCE,
                "weft.security.jwt.jwks-location",
                dir.resolve("public.pem").toString(),
                "weft.security.api-keys.file",
                keysFile().toString());
    }

    /** The keys file the services read. */
    public static Path keysFile() {
        return dir().resolve("api-keys");
    }

    /** A request with the every-role API key. */
    public static RequestSpecification given() {
        return RestAssured.given().header("X-API-Key", apiKey(EVERY_ROLE));
    }

    /** The API key of that name (see the constants). */
    public static String apiKey(String name) {
        Properties keys = new Properties();
        try {
            keys.load(Files.newBufferedReader(dir().resolve("keys.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = keys.getProperty(name);
        if (key == null) {
            throw new IllegalArgumentException("no test API key named " + name + "; known: " + KEYS.keySet());
        }
        return key;
    }

    /** A valid token (right issuer, audience and key, five minutes to live) with these roles in {@code groups}. */
    public static String token(String... roles) {
        return sign(claims(roles));
    }

    /** The claims of a valid token, to change one of them before signing. */
    public static JwtClaimsBuilder claims(String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-user")
                .upn("test-user")
                .groups(Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(5));
    }

    /** Signed with the key the service trusts. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(privateKey("private.der"));
    }

    /** Signed with a key the service does not know: a forged token. */
    public static String signWithForeignKey(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(privateKey("foreign-private.der"));
    }

    private static PrivateKey privateKey(String file) {
        try {
            byte[] der = Files.readAllBytes(dir().resolve(file));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path dir() {
        String existing = System.getProperty(DIR_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path dir = Files.createTempDirectory("weft-test-credentials-");
            KeyPair trusted = rsa();
            Files.write(dir.resolve("private.der"), trusted.getPrivate().getEncoded());
            Files.write(dir.resolve("foreign-private.der"), rsa().getPrivate().getEncoded());
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(trusted.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(dir.resolve("public.pem"), pem);
            writeKeys(dir);
            System.setProperty(DIR_PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeKeys(Path dir) throws IOException, GeneralSecurityException {
        StringBuilder file = new StringBuilder("# test keys\n");
        Properties raw = new Properties();
        SecureRandom random = new SecureRandom();
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String value = "weft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            raw.setProperty(key.getKey(), value);
            // Hashed here independently of the service's code, so the test also checks the service's hashing.
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
            file.append("name=")
                    .append(key.getKey())
                    .append(" sha256=")
                    .append(sha256)
                    .append(" roles=")
                    .append(key.getValue())
                    .append(key.getKey().equals(REVOKED) ? " revoked=true" : "")
                    .append('\n');
        }
        Files.writeString(dir.resolve("api-keys"), file);
        try (var out = Files.newBufferedWriter(dir.resolve("keys.properties"))) {
            raw.store(out, null);
        }
    }

    private static Map<String, String> keyRoles() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String role : List.of("marbles:read", "marbles:write", "network:admin", "chaincode:admin")) {
            keys.put(nameOf(role), role);
        }
        keys.put(EVERY_ROLE, ALL_ROLES);
        keys.put(REVOKED, ALL_ROLES);
        return keys;
    }

    private static String nameOf(String role) {
        return switch (role) {
            case "marbles:read" -> READER;
            case "marbles:write" -> WRITER;
            case "network:admin" -> NETWORK_ADMIN;
            default -> CHAINCODE_ADMIN;
        };
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
