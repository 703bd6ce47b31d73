package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.service.security.ApiKeys;
import dev.weft.service.security.KeysFile;
import dev.weft.service.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApiKeyTest {

    @TempDir
    Path dir;

    @Test
    void makes_a_key_with_every_role_once_and_stores_only_its_hash_for_the_services() throws IOException {
        LocalApiKey local = new LocalApiKey(dir.resolve("security"));

        String key = local.ensure();

        assertThat(Files.readString(local.keyFile()).strip()).isEqualTo(key);
        String keys = Files.readString(local.keysFile());
        assertThat(keys).doesNotContain(key).contains(ApiKeys.sha256Hex(key));
        assertThat(KeysFile.parse(keys)).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo(LocalApiKey.NAME);
            assertThat(entry.roles()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        });
        for (Path file : new Path[] {local.keyFile(), local.keysFile()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(local.ensure()).isEqualTo(key);
        assertThat(Files.readString(local.keysFile())).isEqualTo(keys);
    }

    @Test
    void replaces_the_local_entry_when_the_key_file_was_lost_and_keeps_other_keys() throws IOException {
        LocalApiKey local = new LocalApiKey(dir);
        String first = local.ensure();
        ApiKeyCommand.run(
                new String[] {
                    "new",
                    "--name",
                    "ops",
                    "--roles",
                    "network:admin",
                    "--keys-file",
                    local.keysFile().toString()
                },
                java.util.Map.of(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Files.delete(local.keyFile());

        String second = local.ensure();

        assertThat(second).isNotEqualTo(first);
        String keys = Files.readString(local.keysFile());
        assertThat(keys).contains(ApiKeys.sha256Hex(second)).doesNotContain(ApiKeys.sha256Hex(first));
        assertThat(KeysFile.parse(keys)).extracting(e -> e.name()).containsExactlyInAnyOrder("ops", "local");
    }
}
