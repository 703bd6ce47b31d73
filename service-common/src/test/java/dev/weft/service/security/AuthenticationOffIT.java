package dev.weft.service.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code weft.security.enabled=false}: every caller has every role, under a name that says why. */
@QuarkusTest
@TestProfile(AuthenticationOffIT.Profile.class)
class AuthenticationOffIT {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("weft.security.enabled", "false");
        }
    }

    @Test
    void lets_a_caller_without_credentials_use_every_role() {
        given().get("/probe/read").then().statusCode(200).body(equalTo(ApiKeyAuthenticationMechanism.LOCAL_PRINCIPAL));
        given().get("/probe/network").then().statusCode(200);
    }
}
