package dev.weft.chaincode.marbles.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TestPeerException;
import dev.weft.chaincode.testpeer.TestPki;
import dev.weft.chaincode.testpeer.TlsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsProtocolIT extends MarblesOverTheWire {

    private final TestPki pki = pki();

    static TestPki pki() {
        try {
            return TestPki.generate(Files.createTempDirectory("marbles-tls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    ServerConfig serverConfig(InetSocketAddress address) {
        return ServerConfig.plaintext(address, PACKAGE_ID)
                .withTls(new ServerConfig.Tls(pki.serverCert(), pki.serverKey(), Optional.empty()));
    }

    @Override
    TlsOptions peerTls() {
        return TlsOptions.tls(pki.caCert());
    }

    @Test
    void a_plaintext_peer_is_refused() {
        assertThatThrownBy(() -> TestPeer.connect(TestPeer.Options.of("127.0.0.1", port())
                        .withTls(TlsOptions.plaintext())
                        .withTimeout(Duration.ofSeconds(10))))
                .isInstanceOf(TestPeerException.class)
                .hasMessageContaining("did not register");
    }
}
