package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.service.security.ApiKeys;
import dev.weft.service.security.KeysFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ApiKeyCommand.run(
                args,
                Map.of("WEFT_HOME", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void new_prints_the_key_alone_on_stdout_and_stores_only_its_hash_in_the_work_folder() throws IOException {
        assertThat(run("new", "--name", "ops", "--roles", "network:admin,chaincode:admin"))
                .isZero();

        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith(ApiKeys.PREFIX);
        Path keysFile = dir.resolve(".weft/security/api-keys");
        String keys = Files.readString(keysFile);
        assertThat(keys).doesNotContain(key).contains("name=ops sha256=" + ApiKeys.sha256Hex(key));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ops").doesNotContain(key);
    }

    @Test
    void revoke_marks_the_key_revoked() throws IOException {
        Path keysFile = dir.resolve("keys");
        run("new", "--name", "ops", "--roles", "network:admin", "--keys-file", keysFile.toString());

        assertThat(run("revoke", "--name", "ops", "--keys-file", keysFile.toString()))
                .isZero();

        assertThat(KeysFile.parse(Files.readString(keysFile)))
                .singleElement()
                .satisfies(e -> assertThat(e.revoked()).isTrue());
    }

    @Test
    void names_what_is_wrong_and_writes_nothing() {
        assertThat(run("new", "--name", "ops", "--roles", "root")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role 'root'");
        assertThat(run("new", "--name", "o p s", "--roles", "marbles:read")).isEqualTo(2);
        assertThat(run("new", "--roles", "marbles:read")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name is required");
        assertThat(run("revoke", "--name", "ghost")).isEqualTo(2);
        assertThat(dir.resolve(".weft/security/api-keys")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
