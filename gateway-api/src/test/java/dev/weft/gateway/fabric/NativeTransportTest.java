package dev.weft.gateway.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The native TLS and transport libraries the module ships load on Linux, so the peers' channels do not fall back to
 * the JDK's slower TLS and NIO there (ADR 0027). A dependency change that drops them fails here, not in a benchmark.
 */
@EnabledOnOs(
        value = OS.LINUX,
        architectures = {"amd64", "aarch64"})
class NativeTransportTest {

    @Test
    void peers_channels_use_boringssl_and_epoll_on_linux() {
        assertThat(TlsPeerChannelFactory.transport()).isEqualTo("BoringSSL, epoll");
    }
}
