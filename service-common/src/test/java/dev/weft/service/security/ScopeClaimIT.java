package dev.weft.service.security;

import static io.restassured.RestAssured.given;

import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles from a space-separated {@code scope} claim, as OIDC providers issue them. */
@QuarkusTest
@TestProfile(ScopeClaimIT.Profile.class)
class ScopeClaimIT {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("weft.security.jwt.roles-claim", "scope");
        }
    }

    @Test
    void reads_roles_from_the_scope_claim() {
        String token = TestCredentials.sign(
                TestCredentials.claims().groups(Set.of()).claim("scope", "openid network:admin profile"));

        given().auth().oauth2(token).get("/probe/network").then().statusCode(200);
        given().auth().oauth2(token).get("/probe/read").then().statusCode(403);
    }
}
