package dev.weft.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void a_new_key_carries_256_random_bits_behind_the_weft_prefix() {
        String key = ApiKeys.newKey();

        assertThat(key).startsWith("weft_").hasSize(5 + 43).matches("weft_[A-Za-z0-9_-]{43}");
    }

    @Test
    void new_keys_differ() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(ApiKeys.newKey());
        }
        assertThat(keys).hasSize(100);
    }

    @Test
    void hashes_with_sha256_as_lower_case_hex() {
        // echo -n abc | sha256sum
        assertThat(ApiKeys.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void reads_the_key_from_x_api_key_first_then_from_the_apikey_scheme() {
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("k1", "ApiKey k2"))
                .isEqualTo("k1");
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null, "ApiKey k2"))
                .isEqualTo("k2");
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null, "apikey  k2 "))
                .isEqualTo("k2");
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(" ", null)).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null, "Bearer eyJ"))
                .isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null, "ApiKey ")).isNull();
    }

    @Test
    void the_authentication_request_never_shows_the_key() {
        assertThat(new ApiKeyAuthenticationRequest("weft_secret").toString()).doesNotContain("weft_secret");
    }
}
