package dev.weft.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecValidator;
import dev.weft.lifecycle.spec.PackageType;
import dev.weft.lifecycle.spec.TlsMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class OrgPackagesTest {

    private static final ServerTls TLS =
            new ServerTls("CA-PEM", "SERVER-PEM", "SERVER-KEY", "CLIENT-PEM", "CLIENT-KEY");
    private static final Map<String, byte[]> INDEXES = Map.of(
            "indexOwner.json",
            "{\"index\":{\"fields\":[\"docType\",\"owner\"]},\"ddoc\":\"indexOwnerDoc\",\"name\":\"indexOwner\",\"type\":\"json\"}"
                    .getBytes(StandardCharsets.UTF_8));

    private static ChaincodeSpec spec(TlsMode tls, PackageType type) {
        return ChaincodeSpecValidator.requireValid(new ChaincodeSpec(
                "marbles",
                "1.0",
                null,
                null,
                "net1",
                List.of("Org1MSP", "Org2MSP"),
                null,
                type,
                null,
                null,
                null,
                tls,
                null,
                null,
                null));
    }

    private static ChaincodePackage build(TlsMode tls, PackageType type, String address) {
        return OrgPackages.build(spec(tls, type), address, TLS, INDEXES, Duration.ofSeconds(10));
    }

    @Test
    void the_same_inputs_give_the_same_package_id() {
        assertThat(build(TlsMode.MTLS, PackageType.CCAAS, "chaincode-marbles-org1.net1:7052")
                        .packageId())
                .isEqualTo(build(TlsMode.MTLS, PackageType.CCAAS, "chaincode-marbles-org1.net1:7052")
                        .packageId())
                .startsWith("marbles_1.0:");
    }

    @Test
    void the_package_id_is_pinned_for_fixed_inputs() {
        // Any change to the package bytes changes every deployed package id: that must be a conscious decision.
        assertThat(build(TlsMode.NONE, PackageType.CCAAS, "chaincode-marbles-org1.net1:7052")
                        .packageId())
                .isEqualTo(PinnedIds.PLAINTEXT_ORG1);
    }

    @Test
    void each_organization_address_gives_its_own_package_id() {
        assertThat(build(TlsMode.MTLS, PackageType.CCAAS, "chaincode-marbles-org1.net1:7052")
                        .packageId())
                .isNotEqualTo(build(TlsMode.MTLS, PackageType.CCAAS, "chaincode-marbles-org2.net1:7052")
                        .packageId());
    }

    @Test
    void tls_mode_and_type_change_the_package() {
        String mtls = build(TlsMode.MTLS, PackageType.CCAAS, "a:1").packageId();
        assertThat(build(TlsMode.TLS, PackageType.CCAAS, "a:1").packageId()).isNotEqualTo(mtls);
        assertThat(build(TlsMode.MTLS, PackageType.EXTERNAL, "a:1").packageId()).isNotEqualTo(mtls);
    }

    @Test
    void mutual_tls_puts_root_cert_and_the_peer_client_credentials_in_connection_json() throws IOException {
        Map<String, String> files =
                unpack(build(TlsMode.MTLS, PackageType.CCAAS, "127.0.0.1:41000").bytes());
        Map<String, String> code = unpack(files.get("code.tar.gz").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(files.get("metadata.json")).isEqualTo("{\"type\":\"ccaas\",\"label\":\"marbles_1.0\"}");
        assertThat(code.get("connection.json"))
                .isEqualTo("{\"address\":\"127.0.0.1:41000\",\"dial_timeout\":\"10s\",\"tls_required\":true,"
                        + "\"client_auth_required\":true,\"root_cert\":\"CA-PEM\",\"client_key\":\"CLIENT-KEY\","
                        + "\"client_cert\":\"CLIENT-PEM\"}");
        assertThat(code).containsKey("META-INF/statedb/couchdb/indexes/indexOwner.json");
    }

    @Test
    void the_external_type_is_written_to_metadata_json() throws IOException {
        Map<String, String> files =
                unpack(build(TlsMode.NONE, PackageType.EXTERNAL, "a:1").bytes());

        assertThat(files.get("metadata.json")).isEqualTo("{\"type\":\"external\",\"label\":\"marbles_1.0\"}");
    }

    /** Reads a .tgz into name → content (ISO-8859-1, so nested archives survive the round trip). */
    static Map<String, String> unpack(byte[] tgz) throws IOException {
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            tar = in.readAllBytes();
        }
        Map<String, String> files = new LinkedHashMap<>();
        int offset = 0;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            String name = new String(tar, offset, 100, StandardCharsets.US_ASCII).replace("\0", "");
            String prefix = new String(tar, offset + 345, 155, StandardCharsets.US_ASCII).replace("\0", "");
            String sizeText = new String(tar, offset + 124, 12, StandardCharsets.US_ASCII)
                    .replace("\0", "")
                    .trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 8);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            files.put(path, new String(tar, offset + 512, size, StandardCharsets.ISO_8859_1));
            offset += 512 + ((size + 511) / 512) * 512;
        }
        return files;
    }

    private static final class PinnedIds {
        static final String PLAINTEXT_ORG1 =
                "marbles_1.0:c81641d3030d67fe3ec9c16c374835cae007284b3486992009a80d4c954b428a";
    }
}
