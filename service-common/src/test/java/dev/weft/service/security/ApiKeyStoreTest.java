package dev.weft.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @TempDir
    Path dir;

    private final List<ApiKeyStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(ApiKeyStore::close);
    }

    @Test
    void sees_a_revocation_without_a_restart() throws IOException {
        Path file = opsKeyFile();
        ApiKeyStore store = loaded(file, Duration.ofHours(1));
        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.VALID);

        rewrite(file, KeysFile.revoke(Files.readString(file), "ops"));
        store.recheck();

        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.REVOKED);
    }

    @Test
    void rechecks_the_file_on_its_own_so_lookups_never_read_the_disk() throws IOException {
        Path file = opsKeyFile();
        ApiKeyStore store = loaded(file, Duration.ofMillis(20));

        rewrite(file, KeysFile.revoke(Files.readString(file), "ops"));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.find("weft_ops").outcome() == KeyLookup.Outcome.REVOKED);
    }

    @Test
    void keeps_the_keys_it_has_until_the_next_check() throws IOException {
        Path file = opsKeyFile();
        ApiKeyStore store = loaded(file, Duration.ofHours(1));

        rewrite(file, KeysFile.revoke(Files.readString(file), "ops"));

        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.VALID);
        store.recheck();
        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.REVOKED);
    }

    @Test
    void accepts_no_key_while_the_file_is_missing_and_reads_it_once_it_appears() throws IOException {
        Path file = dir.resolve("api-keys");
        ApiKeyStore store = loaded(file, Duration.ofHours(1));
        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.UNKNOWN);

        Files.writeString(file, KeysFile.append("", entry("ops", "weft_ops")));
        store.recheck();

        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.VALID);
    }

    @Test
    void fails_the_start_on_a_broken_file_and_fails_closed_when_it_breaks_later() throws IOException {
        Path file = dir.resolve("api-keys");
        Files.writeString(file, "name=ops sha256=abc roles=marbles:read\n");
        assertThatThrownBy(() -> new ApiKeyStore(config(file)).load())
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1, field sha256");

        rewrite(file, KeysFile.append("", entry("ops", "weft_ops")));
        ApiKeyStore store = loaded(file, Duration.ofHours(1));
        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.VALID);

        rewrite(file, Files.readString(file) + "name=broken\n");
        store.recheck();

        assertThat(store.find("weft_ops").outcome()).isEqualTo(KeyLookup.Outcome.UNKNOWN);
    }

    private Path opsKeyFile() throws IOException {
        return Files.writeString(dir.resolve("api-keys"), KeysFile.append("", entry("ops", "weft_ops")));
    }

    private ApiKeyStore loaded(Path file, Duration recheckInterval) {
        ApiKeyStore store = new ApiKeyStore(config(file, recheckInterval));
        stores.add(store);
        store.load();
        return store;
    }

    private static ApiKeyEntry entry(String name, String key) {
        return new ApiKeyEntry(name, ApiKeys.sha256(key), Set.of(Roles.NETWORK_ADMIN), false);
    }

    /** Rewrites with a later time stamp, as a real edit seconds later would have. */
    private static void rewrite(Path file, String text) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(2)));
    }

    private static SecurityConfig config(Path file) {
        return config(file, Duration.ofHours(1));
    }

    private static SecurityConfig config(Path file, Duration recheckInterval) {
        return new SecurityConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Jwt jwt() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiKeysFile apiKeys() {
                return new ApiKeysFile() {
                    @Override
                    public Optional<Path> file() {
                        return Optional.of(file);
                    }

                    @Override
                    public Duration recheckInterval() {
                        return recheckInterval;
                    }
                };
            }
        };
    }
}
