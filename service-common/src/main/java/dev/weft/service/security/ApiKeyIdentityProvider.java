package dev.weft.service.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Turns a presented API key into the identity of its entry in the keys file: principal = key name. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final ApiKeyStore store;

    ApiKeyIdentityProvider(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // The store answers from memory (it re-reads the file on its own thread): no worker thread needed.
        return Uni.createFrom().item(() -> identity(store.find(request.key())));
    }

    private static SecurityIdentity identity(KeyLookup.Result result) {
        switch (result.outcome()) {
            case VALID -> {
                ApiKeyEntry entry = result.entry().orElseThrow();
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(entry.name()))
                        .addRoles(entry.roles())
                        .build();
            }
            case REVOKED -> {
                // The name is safe to log; the key never is.
                LOG.debugf(
                        "refused the revoked API key '%s'",
                        result.entry().orElseThrow().name());
                throw new AuthenticationFailedException("revoked API key");
            }
            default -> {
                LOG.debug("refused an unknown API key");
                throw new AuthenticationFailedException("unknown API key");
            }
        }
    }
}
