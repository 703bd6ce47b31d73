package dev.weft.service.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mechanism in a running Quarkus application, with tokens signed by a key pair made for the test. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestCredentials.Resource.class)
class AuthenticationIT {

    private static void assertUnauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(SecurityProblem.MEDIA_TYPE)
                .body("type", equalTo("https://weft.dev/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/probe/read"));
    }

    private static List<String> challenges(ValidatableResponse response) {
        return response.extract().headers().getValues("WWW-Authenticate");
    }

    @Nested
    class BearerTokens {

        @Test
        void accepts_a_valid_token_and_names_its_subject() {
            given().auth()
                    .oauth2(TestCredentials.token(Roles.MARBLES_READ))
                    .get("/probe/read")
                    .then()
                    .statusCode(200)
                    .body(equalTo("test-user"));
        }

        @Test
        void rejects_an_expired_token() {
            long now = Instant.now().getEpochSecond();
            String expired = TestCredentials.sign(TestCredentials.claims(Roles.MARBLES_READ)
                    .issuedAt(now - 3600)
                    .expiresAt(now - 1800));

            ValidatableResponse response =
                    given().auth().oauth2(expired).get("/probe/read").then();

            assertUnauthenticated(response);
            assertThat(challenges(response)).contains("Bearer realm=\"weft\", error=\"invalid_token\"");
        }

        @Test
        void rejects_a_forged_token() {
            String forged = TestCredentials.signWithForeignKey(TestCredentials.claims(Roles.MARBLES_READ));

            assertUnauthenticated(
                    given().auth().oauth2(forged).get("/probe/read").then());
        }

        @Test
        void rejects_a_token_for_another_audience() {
            String other = TestCredentials.sign(
                    TestCredentials.claims(Roles.MARBLES_READ).audience("another-api"));

            assertUnauthenticated(
                    given().auth().oauth2(other).get("/probe/read").then());
        }

        @Test
        void rejects_a_token_from_another_issuer() {
            String other = TestCredentials.sign(
                    TestCredentials.claims(Roles.MARBLES_READ).issuer("https://elsewhere.test"));

            assertUnauthenticated(
                    given().auth().oauth2(other).get("/probe/read").then());
        }

        @Test
        void rejects_garbage_in_the_bearer_header() {
            assertUnauthenticated(given().header("Authorization", "Bearer not-a-jwt")
                    .get("/probe/read")
                    .then());
        }

        @Test
        void answers_403_when_the_token_lacks_the_role() {
            given().auth()
                    .oauth2(TestCredentials.token(Roles.MARBLES_READ))
                    .get("/probe/network")
                    .then()
                    .statusCode(403)
                    .contentType(SecurityProblem.MEDIA_TYPE)
                    .body("type", equalTo("https://weft.dev/problems/forbidden"))
                    .body("instance", equalTo("/probe/network"));
        }

        @Test
        void takes_roles_only_from_the_configured_claim() {
            String scoped = TestCredentials.sign(
                    TestCredentials.claims().groups(Set.of()).claim("scope", "openid marbles:read"));

            given().auth().oauth2(scoped).get("/probe/read").then().statusCode(403);
        }
    }

    @Nested
    class ApiKeys {

        @Test
        void accepts_a_key_in_x_api_key_and_names_the_key() {
            given().header("X-API-Key", TestCredentials.apiKey(TestCredentials.READER))
                    .get("/probe/read")
                    .then()
                    .statusCode(200)
                    .body(equalTo(TestCredentials.READER));
        }

        @Test
        void accepts_a_key_in_the_authorization_apikey_scheme() {
            given().header("Authorization", "ApiKey " + TestCredentials.apiKey(TestCredentials.NETWORK_ADMIN))
                    .get("/probe/network")
                    .then()
                    .statusCode(200)
                    .body(equalTo(TestCredentials.NETWORK_ADMIN));
        }

        @Test
        void rejects_a_revoked_key() {
            assertUnauthenticated(given().header("X-API-Key", TestCredentials.apiKey(TestCredentials.REVOKED))
                    .get("/probe/read")
                    .then());
        }

        @Test
        void rejects_an_unknown_key_without_echoing_it() {
            String unknown = dev.weft.service.security.ApiKeys.newKey();

            ValidatableResponse response =
                    given().header("X-API-Key", unknown).get("/probe/read").then();

            assertUnauthenticated(response);
            response.body(not(containsString(unknown)));
        }

        @Test
        void answers_403_when_the_key_lacks_the_role() {
            given().header("X-API-Key", TestCredentials.apiKey(TestCredentials.READER))
                    .get("/probe/network")
                    .then()
                    .statusCode(403)
                    .contentType(SecurityProblem.MEDIA_TYPE);
        }
    }

    @Test
    void answers_401_with_both_challenges_without_credentials() {
        ValidatableResponse response = given().get("/probe/read").then();

        assertUnauthenticated(response);
        assertThat(challenges(response)).containsExactlyInAnyOrder("Bearer realm=\"weft\"", "ApiKey realm=\"weft\"");
    }

    @Test
    void refuses_an_endpoint_without_roles_even_to_a_caller_with_every_role() {
        given().header("X-API-Key", TestCredentials.apiKey(TestCredentials.EVERY_ROLE))
                .get("/probe/unannotated")
                .then()
                .statusCode(403);
    }
}
