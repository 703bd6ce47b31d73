package dev.weft.fabric.admin.orderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.fabric.admin.peer.Blocks;
import dev.weft.fabric.admin.peer.JoinOutcome;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The orderer's channel participation API ({@code /participation/v1/channels}), as {@code osnadmin channel} uses
 * it: join with a config block, list, inspect and remove channels. Every call has a timeout; failures are {@link
 * FabricAdminException}s with the HTTP status and the orderer's {@code error} text.
 *
 * <pre>{@code
 * OsnAdminClient orderer0 = new OsnAdminClient(endpoint, Duration.ofSeconds(15));
 * orderer0.join(genesisBlock);            // JOINED, or ALREADY_JOINED (HTTP 405) on a re-run
 * List<String> channels = orderer0.listChannels();
 * }</pre>
 */
public final class OsnAdminClient {

    static final String JOIN = "osnadmin join";
    static final String LIST = "osnadmin list";
    static final String REMOVE = "osnadmin remove";
    private static final String PATH = "/participation/v1/channels";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OsnAdminEndpoint endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private final String baseUrl;

    public OsnAdminClient(OsnAdminEndpoint endpoint, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (endpoint.isTls()) {
            builder.sslContext(sslContext(endpoint));
        }
        this.http = builder.build();
        this.baseUrl = (endpoint.isTls() ? "https://" : "http://") + endpoint.host() + ":" + endpoint.port() + PATH;
    }

    /**
     * Joins the orderer to the channel of {@code configBlock} (a genesis block, or the latest config block for an
     * existing channel). HTTP 405 means the orderer has the channel: that is success, {@code ALREADY_JOINED}.
     */
    public OsnJoinResult join(byte[] configBlock) {
        String channel = Blocks.channelId(configBlock);
        String boundary = "weft-" + Long.toHexString(new SecureRandom().nextLong());
        HttpRequest request = request(baseUrl)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, channel, configBlock)))
                .build();
        HttpResponse<String> response = send(JOIN, request);
        if (response.statusCode() == 201) {
            return new OsnJoinResult(JoinOutcome.JOINED, Optional.of(channelInfo(JOIN, response.body())));
        }
        if (response.statusCode() == 405) {
            return new OsnJoinResult(JoinOutcome.ALREADY_JOINED, Optional.empty());
        }
        throw rejected(JOIN, response);
    }

    /** The names of the channels the orderer has. */
    public List<String> listChannels() {
        HttpResponse<String> response = send(LIST, request(baseUrl).GET().build());
        if (response.statusCode() != 200) {
            throw rejected(LIST, response);
        }
        JsonNode body = json(LIST, response.body());
        List<String> names = new ArrayList<>();
        for (JsonNode channel : body.path("channels")) {
            names.add(channel.path("name").asText());
        }
        return List.copyOf(names);
    }

    /** The orderer's view of {@code channel}, or empty when it does not have it (HTTP 404). */
    public Optional<OsnChannel> channel(String channel) {
        HttpResponse<String> response =
                send(LIST, request(channelUrl(channel)).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw rejected(LIST, response);
        }
        return Optional.of(channelInfo(LIST, response.body()));
    }

    /** Removes the orderer from {@code channel}; returns false when it did not have it (HTTP 404). */
    public boolean remove(String channel) {
        HttpResponse<String> response =
                send(REMOVE, request(channelUrl(channel)).DELETE().build());
        if (response.statusCode() == 204) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw rejected(REMOVE, response);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    }

    private String channelUrl(String channel) {
        return baseUrl + "/" + URLEncoder.encode(channel, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String operation, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw failure(FabricAdminException.Kind.UNAVAILABLE, operation, "connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw failure(
                    FabricAdminException.Kind.TIMEOUT, operation, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw failure(FabricAdminException.Kind.UNAVAILABLE, operation, "connection refused", e);
        } catch (SSLException e) {
            throw failure(
                    FabricAdminException.Kind.UNAVAILABLE, operation, "TLS handshake failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw failure(FabricAdminException.Kind.UNAVAILABLE, operation, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(FabricAdminException.Kind.UNAVAILABLE, operation, "interrupted", e);
        }
    }

    private FabricAdminException failure(
            FabricAdminException.Kind kind, String operation, String detail, Exception cause) {
        String status = kind == FabricAdminException.Kind.TIMEOUT ? "timeout" : "unreachable";
        return new FabricAdminException(kind, endpoint.label(), operation, status, detail, cause);
    }

    /** HTTP 4xx/5xx with the orderer's {@code {"error": "..."}} text when the body has one. */
    private FabricAdminException rejected(String operation, HttpResponse<String> response) {
        String detail = response.body();
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            if (error.isTextual()) {
                detail = error.asText();
            }
        } catch (IOException notJson) {
            // keep the raw body: it is the orderer's own text
        }
        return new FabricAdminException(
                FabricAdminException.Kind.REJECTED,
                endpoint.label(),
                operation,
                "HTTP " + response.statusCode(),
                detail);
    }

    private OsnChannel channelInfo(String operation, String body) {
        JsonNode node = json(operation, body);
        return new OsnChannel(
                node.path("name").asText(),
                node.path("url").asText(),
                node.path("consensusRelation").asText(),
                node.path("status").asText(),
                node.path("height").asLong());
    }

    private JsonNode json(String operation, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.PROTOCOL, endpoint.label(), operation, "bad body", "not JSON", e);
        }
    }

    private static byte[] multipart(String boundary, String channel, byte[] block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(block.length + 256);
        out.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"config-block\"; filename=\"" + channel
                        + ".block\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(block);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static SSLContext sslContext(OsnAdminEndpoint endpoint) {
        try {
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "client", endpoint.clientKey(), password, new Certificate[] {endpoint.clientCertificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keyManagers.getKeyManagers(),
                    new TrustManager[] {
                        HostnameCheckingTrustManager.create(endpoint.tlsRootCertificates(), endpoint.name())
                    },
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for " + endpoint.label(), e);
        }
    }
}
