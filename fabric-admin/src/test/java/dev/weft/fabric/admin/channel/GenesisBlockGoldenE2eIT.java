package dev.weft.fabric.admin.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.testing.RequiresFabricBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden comparison with the real tools: for the same crypto tree and profile, our genesis block and
 * {@code configtxgen}'s decode (with {@code configtxlator proto_decode}) to the same JSON, apart from the listed
 * values that are random by design.
 */
@RequiresFabricBinaries
class GenesisBlockGoldenE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENVELOPE = "/data/data/0";
    private static final String HEADER = ENVELOPE + "/payload/header";

    /**
     * Every allowed difference, with why. Nothing in the channel config itself (/data/data[0]/payload/data) is here.
     */
    private static final Map<String, String> RANDOM_BY_DESIGN = Map.of(
            HEADER + "/channel_header/timestamp",
            "wall-clock seconds at creation; injectable via GenesisBlockBuilder's Clock",
            HEADER + "/channel_header/tx_id",
            "hex SHA-256 of the nonce, so it differs with the nonce",
            HEADER + "/signature_header/nonce",
            "24 random bytes; injectable via GenesisBlockBuilder's nonce supplier",
            "/header/data_hash",
            "SHA-256 of the envelope bytes: differs with the values above, and Go marshals protobuf maps in random "
                    + "order, so even equal content hashes differently from run to run of configtxgen");

    @TempDir
    static Path work;

    private static final FabricTools TOOLS = new FabricTools();
    private static CryptoMaterial crypto;
    private static ChannelProfile profile;
    private static JsonNode theirs;

    @BeforeAll
    static void run_configtxgen() throws Exception {
        Path cryptoRoot = work.resolve("crypto-config");
        crypto = CryptoStore.loadOrGenerate(cryptoRoot, Topology.walkthrough());
        profile = Profiles.localhost("mychannel", crypto)
                .endorsementPolicy(ChannelPolicy.signature("AND('Org1MSP.peer', 'Org2MSP.peer')"))
                .build();
        Files.writeString(work.resolve("configtx.yaml"), ConfigtxYaml.render(profile, crypto, cryptoRoot));
        Path block = work.resolve("configtxgen.block");
        TOOLS.run(
                work,
                Map.of("FABRIC_CFG_PATH", work.toString()),
                "configtxgen",
                "-profile",
                ConfigtxYaml.PROFILE,
                "-channelID",
                "mychannel",
                "-outputBlock",
                block.toString());
        theirs = JSON.readTree(TOOLS.decodeBlock(work, block));
    }

    @Test
    void config_matches_configtxgen_except_random_header_fields() throws Exception {
        JsonNode ours = decode(GenesisBlockBuilder.create().buildBytes(profile), "ours-random.block");

        List<String> differences = new ArrayList<>();
        JsonDiff.diff("", theirs, ours, differences);

        System.out.println("[golden] differences from configtxgen: " + differences);
        assertThat(differences).isSubsetOf(RANDOM_BY_DESIGN.keySet());
        JsonNode config = ours.at(ENVELOPE + "/payload/data/config/channel_group");
        assertThat(config.at("/groups/Application/groups/Org2/values/MSP").isObject())
                .isTrue();
        assertThat(config).isEqualTo(theirs.at(ENVELOPE + "/payload/data/config/channel_group"));
    }

    @Test
    void with_configtxgen_timestamp_and_nonce_only_the_data_hash_differs() throws Exception {
        Instant timestamp =
                Instant.parse(theirs.at(HEADER + "/channel_header/timestamp").asText());
        byte[] nonce = Base64.getDecoder()
                .decode(theirs.at(HEADER + "/signature_header/nonce").asText());
        GenesisBlockBuilder builder =
                new GenesisBlockBuilder(Clock.fixed(timestamp, ZoneOffset.UTC), () -> nonce.clone());

        JsonNode ours = decode(builder.buildBytes(profile), "ours-fixed.block");

        List<String> differences = new ArrayList<>();
        JsonDiff.diff("", theirs, ours, differences);
        System.out.println("[golden] differences with configtxgen's timestamp and nonce: " + differences);
        assertThat(differences).isSubsetOf(List.of("/header/data_hash"));
    }

    @Test
    void configtxgen_computes_the_data_hash_as_we_do() throws Exception {
        // The one value we cannot compare directly: check Fabric 2.5's rule (SHA-256 over the concatenated envelope
        // bytes) on configtxgen's own block, the same rule GenesisBlockBuilder applies.
        Block block = Block.parseFrom(Files.readAllBytes(work.resolve("configtxgen.block")));

        assertThat(block.getData().getDataCount()).isEqualTo(1);
        assertThat(block.getHeader().getDataHash().toByteArray())
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(block.getData().getData(0).toByteArray()));
    }

    private static JsonNode decode(byte[] block, String name) throws Exception {
        Path file = work.resolve(name);
        Files.write(file, block);
        return JSON.readTree(TOOLS.decodeBlock(work, file));
    }
}
