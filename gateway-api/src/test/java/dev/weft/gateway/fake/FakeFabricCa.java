package dev.weft.gateway.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.weft.fabric.admin.crypto.CertificateAuthority;
import dev.weft.gateway.identity.ca.FabricCaToken;
import dev.weft.gateway.identity.ca.Pems;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A fake Fabric CA at the HTTP level, for the fast tests: {@code cainfo}, {@code enroll} (basic auth, a PKCS#10 CSR
 * whose CN must be the enrollment id), {@code register} and {@code identities/{id}} PUT (token auth, checked as
 * {@code util.VerifyToken} does, low S included). It issues real certificates under an org CA, with the identity's
 * {@code ecert} attributes in Fabric CA's attribute extension ({@value #ATTRIBUTES_OID}); its JSON envelope and error
 * codes are Fabric CA's.
 */
public final class FakeFabricCa implements AutoCloseable {

    /** Fabric CA's attribute extension: JSON {@code {"attrs":{name:value}}}. */
    public static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    /** A registered identity. */
    public static final class Registered {
        volatile String secret;
        final String type;
        final boolean registrar;
        final Map<String, String> ecertAttributes;
        public final AtomicInteger enrollments = new AtomicInteger();

        Registered(String secret, String type, boolean registrar, Map<String, String> ecertAttributes) {
            this.secret = secret;
            this.type = type;
            this.registrar = registrar;
            this.ecertAttributes = ecertAttributes;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final CertificateAuthority ca;
    private final HttpServer server;
    private final Map<String, Registered> identities = new ConcurrentHashMap<>();

    /** {@code register} requests that registered someone. */
    public final AtomicInteger registrations = new AtomicInteger();
    /** {@code identities/{id}} PUT requests that changed a secret. */
    public final AtomicInteger secretResets = new AtomicInteger();
    /** {@code enroll} requests that issued a certificate, by enrollment id. */
    public final Map<String, AtomicInteger> enrollmentsById = new ConcurrentHashMap<>();
    /** Requests with a token the fake rejected. */
    public final AtomicInteger rejectedTokens = new AtomicInteger();

    private FakeFabricCa(CertificateAuthority ca, HttpServer server) {
        this.ca = ca;
        this.server = server;
    }

    /**
     * Starts on a free loopback port; with {@code tlsCa}, over TLS with a {@code localhost} certificate that CA
     * issues.
     */
    public static FakeFabricCa start(
            CertificateAuthority ca, CertificateAuthority tlsCa, String registrarId, String registrarSecret) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            HttpServer server;
            if (tlsCa != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(serverTls(tlsCa)));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
            FakeFabricCa fake = new FakeFabricCa(ca, server);
            fake.identities.put(registrarId, new Registered(registrarSecret, "client", true, Map.of()));
            server.createContext("/api/v1/", fake::handle);
            // One thread per exchange: a TLS handshake must not wait behind another request on a busy machine.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-fabric-ca");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL. */
    public URI url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
    }

    /** Registers an identity behind the gateway's back (as a crash after {@code register} would leave it). */
    public void registerDirectly(String enrollmentId, String secret) {
        identities.put(enrollmentId, new Registered(secret, "client", false, Map.of()));
    }

    /** Whether the id is registered. */
    public boolean isRegistered(String enrollmentId) {
        return identities.containsKey(enrollmentId);
    }

    /** Certificates issued to the id. */
    public int enrollmentsOf(String enrollmentId) {
        AtomicInteger count = enrollmentsById.get(enrollmentId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath().substring("/api/v1/".length());
            String method = exchange.getRequestMethod();
            try {
                JsonNode result;
                if (path.equals("cainfo") && method.equals("GET")) {
                    result = caInfo();
                } else if (path.equals("enroll") && method.equals("POST")) {
                    result = enroll(exchange, body);
                } else if (path.equals("register") && method.equals("POST")) {
                    result = register(authenticate(exchange, body), body);
                } else if (path.startsWith("identities/") && method.equals("PUT")) {
                    String id = URLDecoder.decode(path.substring("identities/".length()), StandardCharsets.UTF_8);
                    result = modify(authenticate(exchange, body), id, body);
                } else {
                    throw new Failure(404, 0, "no such endpoint " + path);
                }
                respond(exchange, 201, envelope(result, null));
            } catch (Failure f) {
                respond(exchange, f.status, envelope(json.getNodeFactory().textNode(""), f));
            }
        }
    }

    private JsonNode caInfo() {
        ObjectNode info = json.createObjectNode();
        info.put("CAName", ca.name());
        info.put("CAChain", Base64.getEncoder().encodeToString(ca.certificatePem()));
        info.put("Version", "1.5.15-fake");
        return info;
    }

    private JsonNode enroll(HttpExchange exchange, byte[] body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            throw new Failure(401, 20, "Authentication failure");
        }
        String[] credentials = new String(
                        Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                .split(":", 2);
        Registered identity = identities.get(credentials[0]);
        if (identity == null || credentials.length < 2 || !identity.secret.equals(credentials[1])) {
            throw new Failure(401, 20, "Authentication failure");
        }
        JsonNode request = json.readTree(body);
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(
                new StringReader(request.path("certificate_request").asText()))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build(csr.getSubjectPublicKeyInfo()))) {
                throw new Failure(400, 0, "bad CSR signature");
            }
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new Failure(400, 0, "bad CSR: " + e.getMessage());
        }
        String cn = cn(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
        if (!cn.equals(credentials[0])) {
            throw new Failure(403, 71, "The CSR subject common name must equal the enrollment ID");
        }
        X509Certificate certificate = issue(credentials[0], identity, csr);
        identity.enrollments.incrementAndGet();
        enrollmentsById
                .computeIfAbsent(credentials[0], k -> new AtomicInteger())
                .incrementAndGet();
        ObjectNode result = json.createObjectNode();
        result.put("Cert", Base64.getEncoder().encodeToString(Pems.pem(certificate)));
        result.set("ServerInfo", caInfo());
        return result;
    }

    private JsonNode register(String registrar, byte[] body) throws IOException {
        if (!identities.get(registrar).registrar) {
            throw new Failure(401, 21, "Authorization failure");
        }
        JsonNode request = json.readTree(body);
        String id = request.path("id").asText();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("hf.EnrollmentID", id);
        attributes.put("hf.Type", request.path("type").asText());
        attributes.put("hf.Affiliation", request.path("affiliation").asText());
        for (JsonNode attribute : request.path("attrs")) {
            if (attribute.path("ecert").asBoolean(false)) {
                attributes.put(
                        attribute.path("name").asText(), attribute.path("value").asText());
            }
        }
        String secret = request.path("secret").asText("");
        Registered fresh = new Registered(
                secret.isEmpty() ? "generated-secret" : secret,
                request.path("type").asText(),
                false,
                attributes);
        if (identities.putIfAbsent(id, fresh) != null) {
            throw new Failure(409, 74, "Identity '" + id + "' is already registered");
        }
        registrations.incrementAndGet();
        ObjectNode result = json.createObjectNode();
        result.put("secret", fresh.secret);
        return result;
    }

    private JsonNode modify(String registrar, String id, byte[] body) throws IOException {
        if (!identities.get(registrar).registrar) {
            throw new Failure(401, 21, "Authorization failure");
        }
        Registered identity = identities.get(id);
        if (identity == null) {
            throw new Failure(404, 63, "Failed to get User");
        }
        String secret = json.readTree(body).path("secret").asText("");
        if (!secret.isEmpty()) {
            identity.secret = secret;
            secretResets.incrementAndGet();
        }
        ObjectNode result = json.createObjectNode();
        result.put("id", id);
        return result;
    }

    /** Checks the token as fabric-ca's {@code util.VerifyToken}; returns the caller's enrollment id. */
    private String authenticate(HttpExchange exchange, byte[] body) {
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            rejectedTokens.incrementAndGet();
            throw new Failure(401, 2, "Invalid token format; expecting 2 parts separated by '.'");
        }
        try {
            byte[] certPem = Base64.getDecoder().decode(parts[0]);
            X509Certificate certificate = Pems.certificate(certPem);
            certificate.verify(ca.certificate().getPublicKey());
            String requestUri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            byte[] payload = FabricCaToken.payload(exchange.getRequestMethod(), requestUri, body, certPem);
            byte[] signature = Base64.getDecoder().decode(parts[1]);
            if (!lowS(signature, certificate.getPublicKey())
                    || !verifies(certificate.getPublicKey(), payload, signature)) {
                throw new GeneralSecurityException("Token signature validation failed");
            }
            String id = cn(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                            .getRDNs(BCStyle.CN)[0]
                            .getFirst()
                            .getValue());
            if (!identities.containsKey(id)) {
                throw new GeneralSecurityException("unknown identity " + id);
            }
            return id;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            rejectedTokens.incrementAndGet();
            throw new Failure(401, 20, "Authentication failure: " + e.getMessage());
        }
    }

    private static boolean lowS(byte[] der, PublicKey key) {
        BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1))
                .getValue();
        return FabricCaToken.isLowS(s, ((ECPublicKey) key).getParams().getOrder());
    }

    private static boolean verifies(PublicKey key, byte[] payload, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(payload);
        return verifier.verify(signature);
    }

    private X509Certificate issue(String id, Registered identity, PKCS10CertificationRequest csr) {
        try {
            PublicKey key = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
                    .getPublicKey(csr.getSubjectPublicKeyInfo());
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.OU, identity.type.isEmpty() ? "client" : identity.type)
                    .addRDN(BCStyle.CN, id)
                    .build();
            var builder = new JcaX509v3CertificateBuilder(
                    ca.certificate(),
                    new BigInteger(128, new java.security.SecureRandom()),
                    Date.from(now.minus(5, ChronoUnit.MINUTES)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)),
                    subject,
                    key);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (!identity.ecertAttributes.isEmpty()) {
                ObjectNode attrs = json.createObjectNode();
                attrs.set("attrs", json.valueToTree(identity.ecertAttributes));
                builder.addExtension(new ASN1ObjectIdentifier(ATTRIBUTES_OID), false, json.writeValueAsBytes(attrs));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
        } catch (Exception e) {
            throw new Failure(500, 0, "cannot issue: " + e.getMessage());
        }
    }

    private static SSLContext serverTls(CertificateAuthority tlsCa) {
        try {
            KeyPair keys = dev.weft.gateway.identity.ca.CertificateSigningRequests.newKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    tlsCa.certificate(),
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(5, ChronoUnit.MINUTES)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)),
                    new X500Name("CN=localhost"),
                    keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(tlsCa.privateKey())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "fake".toCharArray();
            store.setKeyEntry(
                    "tls", keys.getPrivate(), password, new X509Certificate[] {certificate, tlsCa.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the fake CA's TLS certificate", e);
        }
    }

    private byte[] envelope(JsonNode result, Failure failure) throws IOException {
        ObjectNode envelope = json.createObjectNode();
        envelope.set("result", result);
        var errors = envelope.putArray("errors");
        if (failure != null) {
            errors.addObject().put("code", failure.code).put("message", failure.getMessage());
        }
        envelope.putArray("messages");
        envelope.put("success", failure == null);
        return json.writeValueAsBytes(envelope);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static final class Failure extends RuntimeException {
        final int status;
        final int code;

        Failure(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** The attributes Fabric CA put into a certificate. */
    public static Map<String, String> attributes(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(ATTRIBUTES_OID);
        if (extension == null) {
            return Map.of();
        }
        try {
            byte[] value =
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets();
            JsonNode attrs = new ObjectMapper().readTree(value).path("attrs");
            Map<String, String> out = new LinkedHashMap<>();
            attrs.fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cn(org.bouncycastle.asn1.ASN1Encodable value) {
        return ((org.bouncycastle.asn1.ASN1String) value).getString();
    }
}
