package dev.weft.service.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Says at start how callers authenticate, and loudly when they do not have to. */
@Singleton
class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);

    void onStart(@Observes StartupEvent event, SecurityConfig config, ApiKeyStore keys) {
        if (!config.enabled()) {
            LOG.warn("Authentication is OFF (weft.security.enabled=false): anyone who can reach this service's HTTP"
                    + " port can call every API with every role. Only do this on a machine of your own with the"
                    + " service bound to 127.0.0.1.");
            return;
        }
        keys.load();
        SecurityConfig.Jwt jwt = config.jwt();
        if (jwt.jwksLocation().isEmpty() && config.apiKeys().file().isEmpty()) {
            LOG.warn("No credentials can be accepted: neither weft.security.jwt.jwks-location nor"
                    + " weft.security.api-keys.file is set, so every API call answers 401 (see docs/security.md)");
        }
        LOG.infof(
                "Callers authenticate with %s%s",
                jwt.jwksLocation()
                        .map(l -> "bearer JWTs (issuer " + jwt.issuer().orElse("any") + ", audience "
                                + jwt.audience().orElse("any") + ", roles from claim '" + jwt.rolesClaim() + "')")
                        .orElse("no bearer JWTs"),
                config.apiKeys().file().map(f -> " and API keys from " + f).orElse(" and no API keys"));
    }
}
