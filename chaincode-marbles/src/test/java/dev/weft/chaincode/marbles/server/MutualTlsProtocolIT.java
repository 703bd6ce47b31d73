package dev.weft.chaincode.marbles.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.chaincode.testpeer.ChaincodeConnection;
import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TestPeerException;
import dev.weft.chaincode.testpeer.TestPki;
import dev.weft.chaincode.testpeer.TlsOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MutualTlsProtocolIT extends MarblesOverTheWire {

    private final TestPki pki = TlsProtocolIT.pki();
    private final TestPki strangers = TlsProtocolIT.pki();

    @Override
    ServerConfig serverConfig(InetSocketAddress address) {
        return ServerConfig.plaintext(address, PACKAGE_ID)
                .withTls(new ServerConfig.Tls(pki.serverCert(), pki.serverKey(), Optional.of(pki.caCert())));
    }

    @Override
    TlsOptions peerTls() {
        return TlsOptions.mutualTls(pki.caCert(), pki.clientCert(), pki.clientKey());
    }

    @Test
    void a_peer_without_a_client_certificate_is_refused() {
        assertThatThrownBy(() -> TestPeer.connect(TestPeer.Options.of("127.0.0.1", port())
                        .withTls(TlsOptions.tls(pki.caCert()))
                        .withTimeout(Duration.ofSeconds(10))))
                .isInstanceOf(TestPeerException.class)
                .hasMessageContaining("did not register");
    }

    @Test
    void a_peer_with_a_certificate_from_another_ca_is_refused() {
        assertThatThrownBy(() -> TestPeer.connect(TestPeer.Options.of("127.0.0.1", port())
                        .withTls(TlsOptions.mutualTls(pki.caCert(), strangers.clientCert(), strangers.clientKey()))
                        .withTimeout(Duration.ofSeconds(10))))
                .isInstanceOf(TestPeerException.class);
    }

    @Test
    void a_second_peer_can_connect_alongside_the_first() {
        try (ChaincodeConnection second =
                TestPeer.connect(TestPeer.Options.of("127.0.0.1", port()).withTls(peerTls()))) {
            assertThat(second.invoke("initMarble", "other", "red", "1", "ann").isSuccess())
                    .isTrue();
        }
    }
}
