package dev.weft.fabric.admin.orderer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real local HTTP(S) server standing in for an orderer's channel participation API: mutual TLS like the
 * orderer's admin endpoint, scripted answers, recorded requests.
 */
final class FakeOsnAdminServer implements AutoCloseable {

    record Request(String method, String path, String contentType, byte[] body, String clientSubject) {}

    record Answer(int status, String body, long delayMillis) {
        static Answer of(int status, String body) {
            return new Answer(status, body, 0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = Answer.of(500, "{\"error\":\"not scripted\"}");

    private FakeOsnAdminServer(HttpServer server) {
        this.server = server;
        server.createContext("/participation/v1/channels", this::handle);
        server.start();
    }

    /** HTTPS that requires a client certificate issued by {@code clientCa}. */
    static FakeOsnAdminServer mutualTls(TestPki.Issued serverCertificate, X509Certificate clientCa) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SSLContext context = SSLContext.getInstance("TLS");
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "server", serverCertificate.key(), password, new Certificate[] {serverCertificate.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", clientCa);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = context.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            return new FakeOsnAdminServer(server);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain HTTP, for the error mapping. */
    static FakeOsnAdminServer plainHttp() {
        try {
            return new FakeOsnAdminServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    FakeOsnAdminServer answer(Answer next) {
        this.answer = next;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String subject = null;
        if (exchange instanceof HttpsExchange https) {
            subject = ((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
                    .getSubjectX500Principal()
                    .getName();
        }
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestBody().readAllBytes(),
                subject));
        Answer current = answer;
        if (current.delayMillis() > 0) {
            try {
                Thread.sleep(current.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
