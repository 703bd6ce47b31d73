package dev.weft.gateway.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands the {@value #HEADER} request metadata (the gRPC twin of the REST {@code Idempotency-Key} header) to the
 * service through the gRPC {@link Context}, which Quarkus carries to the worker thread of blocking calls.
 *
 * <pre>{@code
 * grpcurl -plaintext -H 'idempotency-key: 7f3c' -d '{...}' localhost:8080 weft.marbles.v1.Marbles/CreateMarble
 * String key = IdempotencyKeyInterceptor.current(); // "7f3c", or null without the header
 * }</pre>
 */
@ApplicationScoped
public class IdempotencyKeyInterceptor implements ServerInterceptor {

    /** The metadata key, lower case as gRPC requires. */
    public static final String HEADER = "idempotency-key";

    static final Metadata.Key<String> METADATA_KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private static final Context.Key<String> CONTEXT_KEY = Context.key(HEADER);

    /** The current call's idempotency key, or {@code null}. */
    public static String current() {
        return CONTEXT_KEY.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String key = headers.get(METADATA_KEY);
        if (key == null) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(CONTEXT_KEY, key), call, headers, next);
    }
}
