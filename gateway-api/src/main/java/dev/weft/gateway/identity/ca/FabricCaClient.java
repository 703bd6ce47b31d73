package dev.weft.gateway.identity.ca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small client of the Fabric CA REST API (fabric-ca 1.5): {@code cainfo}, {@code enroll} (basic auth),
 * {@code register} and {@code identities/{id}} (token auth, see {@link FabricCaToken}). Keys are generated here and
 * only the CSR goes to the CA. TLS trusts exactly the configured CA certificate.
 *
 * <pre>{@code
 * FabricCaClient ca = FabricCaClient.create(URI.create("https://ca.org1:7054"), Optional.of(tlsCa), Optional.empty(),
 *         Duration.ofSeconds(10));
 * Enrollment admin = ca.enroll("admin", adminSecret);
 * String secret = ca.register(admin, new FabricCaClient.Registration("caller-alice", "client", null, null,
 *         List.of(new FabricCaClient.Attribute("weft.caller", "alice", true))));
 * Enrollment alice = ca.enroll("caller-alice", secret);
 * }</pre>
 */
public final class FabricCaClient {

    /** What {@code /cainfo} reports. */
    public record CaInfo(String caName, List<X509Certificate> caChain, String version) {}

    /** An attribute of a registered identity; {@code ecert}: put it into enrolment certificates. */
    public record Attribute(String name, String value, boolean ecert) {}

    /**
     * A registration request.
     *
     * @param enrollmentId the new identity's id
     * @param type e.g. {@code client}
     * @param affiliation null for the registrar's
     * @param secret null to let the CA choose one
     * @param attributes the identity's attributes
     */
    public record Registration(
            String enrollmentId, String type, String affiliation, String secret, List<Attribute> attributes) {
        public Registration {
            Objects.requireNonNull(enrollmentId, "enrollmentId");
            attributes = List.copyOf(attributes);
        }

        @Override
        public String toString() {
            return "Registration[" + enrollmentId + ", type=" + type + ", affiliation=" + affiliation + ", attributes="
                    + attributes + "]";
        }
    }

    private static final String API = "/api/v1/";

    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String caName;
    private final Duration timeout;
    private final HttpClient http;

    private FabricCaClient(URI base, String caName, Duration timeout, HttpClient http) {
        this.base = base;
        this.caName = caName;
        this.timeout = timeout;
        this.http = http;
    }

    /**
     * @param url the CA's base URL ({@code http(s)://host:port})
     * @param tlsCaCert for {@code https}: the PEM certificate(s) the CA's TLS certificate chains to
     * @param caName the CA on a multi-CA server; empty for the default CA
     */
    public static FabricCaClient create(URI url, Optional<Path> tlsCaCert, Optional<String> caName, Duration timeout) {
        Objects.requireNonNull(url, "url");
        String scheme = String.valueOf(url.getScheme());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the Fabric CA URL must be http(s)://host:port, not " + url);
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (scheme.equals("https")) {
            Path cert = tlsCaCert.orElseThrow(() -> new IllegalArgumentException(
                    "the Fabric CA URL " + url + " is https but no TLS CA certificate is configured"));
            builder.sslContext(trusting(cert));
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        URI base = URI.create(scheme + "://" + url.getRawAuthority() + path);
        return new FabricCaClient(base, caName.filter(n -> !n.isBlank()).orElse(null), timeout, builder.build());
    }

    /** The CA's name, certificate chain and version. */
    public CaInfo caInfo() {
        JsonNode result = send("cainfo", request("cainfo").GET().build());
        return new CaInfo(
                result.path("CAName").asText(""),
                Pems.certificates(
                        Base64.getDecoder().decode(result.path("CAChain").asText(""))),
                result.path("Version").asText(""));
    }

    /**
     * Enrolls {@code enrollmentId} with its secret: makes a key pair here, sends the CSR, returns the issued
     * certificate with the key.
     */
    public Enrollment enroll(String enrollmentId, String secret) {
        KeyPair keys = CertificateSigningRequests.newKeyPair();
        ObjectNode body = json.createObjectNode();
        body.put(
                "certificate_request",
                CertificateSigningRequests.pem(CertificateSigningRequests.csr(enrollmentId, keys)));
        if (caName != null) {
            body.put("caname", caName);
        }
        String credentials =
                Base64.getEncoder().encodeToString((enrollmentId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String operation = "enroll " + enrollmentId;
        JsonNode result = send(
                operation,
                request("enroll")
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                        .build());
        byte[] certificatePem = Base64.getDecoder().decode(result.path("Cert").asText(""));
        try {
            return Enrollment.of(enrollmentId, certificatePem, keys.getPrivate());
        } catch (IllegalArgumentException e) {
            throw new FabricCaException(operation, "the CA's answer holds no certificate", e);
        }
    }

    /** Registers an identity with {@code registrar}'s token; returns the enrollment secret. */
    public String register(Enrollment registrar, Registration registration) {
        ObjectNode body = json.createObjectNode();
        body.put("id", registration.enrollmentId());
        body.put("type", registration.type() == null ? "" : registration.type());
        body.put("affiliation", registration.affiliation() == null ? "" : registration.affiliation());
        if (registration.secret() != null) {
            body.put("secret", registration.secret());
        }
        body.set("attrs", attributes(registration.attributes()));
        if (caName != null) {
            body.put("caname", caName);
        }
        JsonNode result = sendWithToken("register " + registration.enrollmentId(), registrar, "POST", "register", body);
        return result.path("secret").asText();
    }

    /**
     * Sets a registered identity's secret (the registrar's {@code identities/{id}} PUT); nothing else changes. This
     * is how an identity registered by an earlier attempt, whose secret was lost, is enrolled after all.
     */
    public void modifySecret(Enrollment registrar, String enrollmentId, String secret) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "");
        body.put("affiliation", "");
        body.set("attrs", json.createArrayNode());
        body.put("max_enrollments", 0);
        body.put("secret", secret);
        if (caName != null) {
            body.put("caname", caName);
        }
        String path = "identities/"
                + URLEncoder.encode(enrollmentId, StandardCharsets.UTF_8).replace("+", "%20");
        sendWithToken("modify identity " + enrollmentId, registrar, "PUT", path, body);
    }

    private JsonNode sendWithToken(String operation, Enrollment signer, String method, String path, ObjectNode body) {
        byte[] bytes = bytes(body);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        URI uri = request.build().uri();
        // The server verifies over r.URL.RequestURI(): the raw path plus the query, as sent.
        String requestUri = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.header("Authorization", FabricCaToken.create(signer, method, requestUri, bytes))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        return send(operation, request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + API + path)).timeout(timeout);
    }

    private JsonNode send(String operation, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new FabricCaException(operation, "cannot reach " + base + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FabricCaException(operation, "interrupted", e);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(response.body());
        } catch (IOException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject()) {
            throw new FabricCaException(operation, response.statusCode(), List.of());
        }
        List<FabricCaException.CaError> errors = new ArrayList<>();
        for (JsonNode error : envelope.path("errors")) {
            errors.add(new FabricCaException.CaError(
                    error.path("code").asInt(), error.path("message").asText("")));
        }
        if (response.statusCode() >= 400
                || !errors.isEmpty()
                || !envelope.path("success").asBoolean(false)) {
            throw new FabricCaException(operation, response.statusCode(), errors);
        }
        return envelope.path("result");
    }

    private ArrayNode attributes(List<Attribute> attributes) {
        ArrayNode array = json.createArrayNode();
        for (Attribute attribute : attributes) {
            ObjectNode node = array.addObject();
            node.put("name", attribute.name());
            node.put("value", attribute.value());
            if (attribute.ecert()) {
                node.put("ecert", true);
            }
        }
        return array;
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path caCert) {
        try (InputStream in = Files.newInputStream(caCert)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (X509Certificate certificate : Pems.certificates(in.readAllBytes())) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in the Fabric CA TLS certificate file " + caCert);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the Fabric CA TLS certificate " + caCert + ": " + e, e);
        }
    }
}
