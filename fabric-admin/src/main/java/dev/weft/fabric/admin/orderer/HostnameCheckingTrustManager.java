package dev.weft.fabric.admin.orderer;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts server certificates that chain to given roots and are valid for a given name, whatever host was dialled.
 *
 * <p>Why: local nodes are dialled at 127.0.0.1 while their certificates name the node (e.g. {@code
 * orderer0.example.com}). The JDK's HTTP client can only check the dialled host, and turning that check off is a
 * JVM-wide switch; this manager checks the node name instead, like gRPC's authority override.
 */
final class HostnameCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager chain;
    private final String expectedName;

    private HostnameCheckingTrustManager(X509TrustManager chain, String expectedName) {
        this.chain = chain;
        this.expectedName = expectedName.toLowerCase(Locale.ROOT);
    }

    static HostnameCheckingTrustManager create(List<X509Certificate> roots, String expectedName)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < roots.size(); i++) {
            store.setCertificateEntry("root-" + i, roots.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return new HostnameCheckingTrustManager(x509, expectedName);
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
        checkName(certificates[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }

    private void checkName(X509Certificate certificate) throws CertificateException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("unreadable subject alternative names", e);
        }
        if (names != null) {
            for (List<?> name : names) {
                // 2 = dNSName, 7 = iPAddress
                if ((Integer.valueOf(2).equals(name.get(0))
                                || Integer.valueOf(7).equals(name.get(0)))
                        && matches(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT))) {
                    return;
                }
            }
        }
        throw new CertificateException("server certificate is not valid for " + expectedName);
    }

    private boolean matches(String pattern) {
        if (pattern.startsWith("*.")) {
            int dot = expectedName.indexOf('.');
            return dot > 0 && expectedName.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(expectedName);
    }
}
