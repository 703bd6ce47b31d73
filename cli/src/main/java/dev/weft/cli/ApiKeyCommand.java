package dev.weft.cli;

import dev.weft.service.security.ApiKeyEntry;
import dev.weft.service.security.ApiKeys;
import dev.weft.service.security.KeysFile;
import dev.weft.service.security.KeysFileException;
import dev.weft.service.security.Roles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./weft apikey new|revoke}: adds a key to a keys file, or revokes one. The services re-read the file when it
 * changes, so neither needs a restart.
 *
 * <pre>{@code
 * KEY=$(./weft apikey new --name ops --roles network:admin,chaincode:admin)   # the key, printed this once
 * ./weft apikey revoke --name ops
 * }</pre>
 *
 * <p>The key goes to standard output alone, so it can be captured; everything else goes to standard error. The keys
 * file is {@code <work dir>/security/api-keys} (the one {@code ./weft up} gives the services) unless
 * {@code --keys-file} names another, e.g. the file of a Kubernetes Secret.
 */
final class ApiKeyCommand {

    private ApiKeyCommand() {}

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            Parsed parsed = Parsed.of(args, env);
            String text = Files.isRegularFile(parsed.keysFile()) ? Files.readString(parsed.keysFile()) : "";
            if (parsed.action().equals("new")) {
                String key = ApiKeys.newKey();
                ApiKeyEntry entry =
                        new ApiKeyEntry(parsed.name(), ApiKeys.sha256(key), Roles.parse(parsed.roles()), false);
                LocalApiKey.writePrivate(parsed.keysFile(), KeysFile.append(text, entry));
                err.println("Added API key '" + parsed.name() + "' ("
                        + KeysFile.line(entry).replaceFirst(".* roles=", "roles ") + ") to " + parsed.keysFile()
                        + ". Only its SHA-256 is stored; the key is shown this once:");
                out.println(key);
            } else {
                LocalApiKey.writePrivate(parsed.keysFile(), KeysFile.revoke(text, parsed.name()));
                err.println("Revoked API key '" + parsed.name() + "' in " + parsed.keysFile()
                        + "; the services refuse it from their next request.");
            }
            return 0;
        } catch (KeysFileException e) {
            err.println("weft: the keys file is not valid: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("weft: " + e.getMessage());
            err.println(Weft.Options.USAGE);
            return 2;
        } catch (IOException e) {
            err.println("weft: " + e.getMessage());
            return 1;
        }
    }

    /** The command line of {@code apikey}. */
    record Parsed(String action, String name, String roles, Path keysFile) {

        static Parsed of(String[] args, Map<String, String> env) {
            if (args.length == 0 || !(args[0].equals("new") || args[0].equals("revoke"))) {
                throw new IllegalArgumentException("apikey needs 'new' or 'revoke'");
            }
            Path repository =
                    Path.of(env.getOrDefault("WEFT_HOME", ".")).toAbsolutePath().normalize();
            Path keysFile = repository
                    .resolve(env.getOrDefault("WEFT_WORK_DIR", ".weft"))
                    .resolve("security/api-keys")
                    .normalize();
            String name = null;
            String roles = null;
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--name" -> name = value;
                    case "--roles" -> roles = value;
                    case "--keys-file" -> keysFile = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("--name is required");
            }
            if (args[0].equals("new") && roles == null) {
                throw new IllegalArgumentException("--roles is required (" + String.join(", ", Roles.ALL) + ")");
            }
            return new Parsed(args[0], name, roles, keysFile);
        }
    }
}
