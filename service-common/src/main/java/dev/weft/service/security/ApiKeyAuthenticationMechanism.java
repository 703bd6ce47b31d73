package dev.weft.service.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads an API key from {@code X-API-Key: <key>} or {@code Authorization: ApiKey <key>} and has
 * {@link ApiKeyIdentityProvider} check it. A request without a key is left to the other mechanisms (smallrye-jwt's
 * bearer tokens). A standard Quarkus mechanism, so {@code @RolesAllowed} works on every endpoint served over HTTP,
 * REST and gRPC alike.
 *
 * <p>With {@code weft.security.enabled=false} every request is given the identity {@link #LOCAL_PRINCIPAL} with every
 * role, so the same {@code @RolesAllowed} annotations let everything through.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The header carrying an API key. */
    public static final String HEADER = "X-API-Key";

    /** The {@code Authorization} scheme carrying an API key. */
    public static final String SCHEME = "ApiKey";

    /** The principal of every request when authentication is off. */
    public static final String LOCAL_PRINCIPAL = "anonymous-authentication-off";

    private final boolean enabled;

    ApiKeyAuthenticationMechanism(SecurityConfig config) {
        this.enabled = config.enabled();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!enabled) {
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(LOCAL_PRINCIPAL))
                            .addRoles(Set.copyOf(Roles.ALL))
                            .build());
        }
        String key = presentedKey(
                context.request().getHeader(HEADER), context.request().getHeader("Authorization"));
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new ApiKeyAuthenticationRequest(key));
    }

    /** The key in the headers, or null: {@code X-API-Key} wins over {@code Authorization: ApiKey}. */
    static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            String key = authorization.substring(SCHEME.length() + 1).strip();
            return key.isEmpty() ? null : key;
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME + " realm=\"weft\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }

    @Override
    public int getPriority() {
        // Before smallrye-jwt's bearer mechanism (default priority), so "authentication off" applies to every request.
        return DEFAULT_PRIORITY + 100;
    }
}
