package dev.weft.gateway.grpc;

import dev.weft.service.security.ApiKeyAuthenticationMechanism;
import dev.weft.service.security.SecurityConfig;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Answers {@code UNAUTHENTICATED} to a call that carries no credentials at all. Quarkus turns the role check of an
 * anonymous caller into {@code PERMISSION_DENIED}, which would tell a client without credentials that its (absent)
 * identity lacks a role; REST answers 401 there, and gRPC clients should likewise learn to authenticate. Invalid or
 * revoked credentials are refused by the shared authentication mechanism itself, with {@code UNAUTHENTICATED} too.
 */
@ApplicationScoped
public class CredentialsRequiredInterceptor implements ServerInterceptor {

    /** The shared mechanism's header; gRPC metadata keys are lower case. */
    private static final Metadata.Key<String> API_KEY = Metadata.Key.of(
            ApiKeyAuthenticationMechanism.HEADER.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER);

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final boolean enabled;

    CredentialsRequiredInterceptor(SecurityConfig security) {
        this.enabled = security.enabled();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (enabled && !headers.containsKey(API_KEY) && !headers.containsKey(AUTHORIZATION)) {
            call.close(
                    Status.UNAUTHENTICATED.withDescription(
                            "credentials required: metadata x-api-key, or authorization: Bearer <token>"),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }
}
