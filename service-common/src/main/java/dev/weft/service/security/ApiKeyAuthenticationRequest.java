package dev.weft.service.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a caller. {@link #toString()} never shows the key. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key=***]";
    }
}
