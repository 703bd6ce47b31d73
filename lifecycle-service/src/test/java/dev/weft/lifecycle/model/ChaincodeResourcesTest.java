package dev.weft.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaincodeResourcesTest {

    @Test
    void names_follow_chaincode_name_and_organization() {
        assertThat(ChaincodeResources.serverName("marbles", "Org1MSP")).isEqualTo("chaincode-marbles-org1");
        assertThat(ChaincodeResources.kubernetesAddress("marbles", "Org1MSP", "net1"))
                .isEqualTo("chaincode-marbles-org1.net1:7052");
        assertThat(ChaincodeResources.tlsSecretName("marbles", "org2MSP")).isEqualTo("chaincode-marbles-org2-tls");
    }

    @Test
    void deployment_names_carry_the_package_hash() {
        assertThat(ChaincodeResources.deploymentName("marbles", "Org1MSP", "marbles_1.0:0123456789abcdef"))
                .isEqualTo("chaincode-marbles-org1-01234567");
    }

    @Test
    void msp_ids_without_the_msp_suffix_are_kept() {
        assertThat(ChaincodeResources.orgSlug("Acme.Bank")).isEqualTo("acme-bank");
    }
}
