package dev.weft.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyLookupTest {

    private static final List<ApiKeyEntry> KEYS = List.of(
            new ApiKeyEntry("ops", ApiKeys.sha256("weft_ops"), Set.of(Roles.NETWORK_ADMIN), false),
            new ApiKeyEntry("old", ApiKeys.sha256("weft_old"), Set.of(Roles.MARBLES_READ), true));

    @Test
    void finds_the_entry_of_a_valid_key() {
        KeyLookup.Result result = KeyLookup.find(KEYS, "weft_ops");

        assertThat(result.outcome()).isEqualTo(KeyLookup.Outcome.VALID);
        assertThat(result.entry()).get().extracting(ApiKeyEntry::name).isEqualTo("ops");
    }

    @Test
    void tells_a_revoked_key_from_an_unknown_one() {
        assertThat(KeyLookup.find(KEYS, "weft_old").outcome()).isEqualTo(KeyLookup.Outcome.REVOKED);
        assertThat(KeyLookup.find(KEYS, "weft_nope").outcome()).isEqualTo(KeyLookup.Outcome.UNKNOWN);
        assertThat(KeyLookup.find(KEYS, "").outcome()).isEqualTo(KeyLookup.Outcome.UNKNOWN);
    }
}
