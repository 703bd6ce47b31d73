package dev.weft.service.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How callers of a Weft service's API authenticate. The same keys in every service.
 *
 * <pre>{@code
 * weft.security.jwt.issuer=https://login.example.com/realms/weft
 * weft.security.jwt.audience=weft
 * weft.security.jwt.jwks-location=https://login.example.com/realms/weft/protocol/openid-connect/certs
 * weft.security.jwt.roles-claim=groups
 * weft.security.api-keys.file=/etc/weft/api-keys/api-keys
 * }</pre>
 *
 * <p>The {@code jwt} settings are handed to smallrye-jwt as {@code mp.jwt.verify.*} (see
 * {@code META-INF/microprofile-config.properties} of this module), which verifies the tokens; they are declared here
 * so that they are documented and typed in one place.
 */
@ConfigMapping(prefix = "weft.security")
public interface SecurityConfig {

    /**
     * Whether callers must authenticate. {@code false} lets every caller do everything and logs a warning at start:
     * only for a local run on the loopback interface.
     */
    @WithDefault("true")
    boolean enabled();

    /** Bearer JWTs from an OIDC issuer. */
    Jwt jwt();

    /** API keys from a keys file. */
    ApiKeysFile apiKeys();

    /** Bearer JWT settings; without {@code jwks-location} every bearer token is refused. */
    interface Jwt {

        /** The expected {@code iss} claim; unset accepts any issuer the key verifies. */
        Optional<String> issuer();

        /** The expected {@code aud} claim; unset accepts any audience. */
        Optional<String> audience();

        /** Where the verification keys are: the issuer's JWKS URL, or a PEM or JWK(S) file. */
        Optional<String> jwksLocation();

        /**
         * The claim holding the caller's roles: {@code groups} (a JSON array), or e.g. {@code scope} (a
         * space-separated string, as OIDC providers issue); a path such as {@code realm_access/roles} also works.
         */
        @WithDefault("groups")
        String rolesClaim();
    }

    /** The API keys file (see {@link KeysFile}); re-read when it changes, so a revocation needs no restart. */
    interface ApiKeysFile {

        /** The keys file; unset accepts no API key. */
        Optional<Path> file();

        /** How often the file is checked for changes: an added or revoked key counts from the next check. */
        @WithDefault("1s")
        Duration recheckInterval();
    }
}
