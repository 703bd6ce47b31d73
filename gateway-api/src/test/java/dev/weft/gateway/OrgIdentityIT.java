package dev.weft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.gateway.identity.ca.Pems;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** In the default {@code org} mode every caller's transactions are created by the gateway's org identity. */
@QuarkusTest
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
class OrgIdentityIT {

    static X509Certificate orgCertificate() throws Exception {
        return Pems.certificate(Files.readAllBytes(Path.of(FakeFabric.start().get("weft.gateway.identity.cert-path"))));
    }

    @Test
    @TestSecurity(user = "alice", roles = "marbles:write")
    void an_authenticated_callers_transactions_are_created_by_the_org_certificate() throws Exception {
        X509Certificate creator = PerCallerIdentityIT.creatorOf(PerCallerIdentityIT.createMarble());

        assertThat(creator).isEqualTo(orgCertificate());
    }

    @Test
    @TestSecurity(authorizationEnabled = false)
    void an_anonymous_callers_transactions_are_created_by_the_org_certificate() throws Exception {
        assertThat(PerCallerIdentityIT.creatorOf(PerCallerIdentityIT.createMarble()))
                .isEqualTo(orgCertificate());
    }
}
