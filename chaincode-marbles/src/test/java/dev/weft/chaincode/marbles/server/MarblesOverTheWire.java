package dev.weft.chaincode.marbles.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.chaincode.marbles.MarblesChaincode;
import dev.weft.chaincode.testpeer.ChaincodeConnection;
import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TlsOptions;
import dev.weft.chaincode.testpeer.TransactionResult;
import dev.weft.chaincode.testpeer.WorldState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every marbles function through the chaincode protocol: the real server over TCP, driven by the test peer, whose
 * world state answers like LevelDB. Subclasses choose the transport (plaintext, TLS, mutual TLS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MarblesOverTheWire {

    static final String PACKAGE_ID = "marbles_1.0:0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChaincodeServer server;
    private ChaincodeConnection peer;

    /** The server settings for this transport (address 127.0.0.1:0). */
    abstract ServerConfig serverConfig(InetSocketAddress address);

    /** How the test peer dials this transport. */
    abstract TlsOptions peerTls();

    @BeforeAll
    void startServer() throws IOException {
        server = ChaincodeServer.start(serverConfig(new InetSocketAddress("127.0.0.1", 0)), new MarblesChaincode());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        // Small batches, so range and history results need QUERY_STATE_NEXT as large results do on a peer.
        peer = TestPeer.connect(TestPeer.Options.of("127.0.0.1", server.port())
                .withTls(peerTls())
                .withQueryBatchSize(2)
                .withWorldState(new WorldState()));
    }

    @AfterEach
    void disconnect() {
        peer.close();
    }

    int port() {
        return server.port();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private void seed() {
        for (String[] marble : new String[][] {
            {"marble1", "blue", "35", "tom"},
            {"marble2", "red", "50", "tom"},
            {"marble3", "blue", "70", "jerry"},
            {"marble4", "blue", "10", "tom"},
            {"marble5", "green", "20", "jerry"}
        }) {
            assertThat(peer.invoke("initMarble", marble).isSuccess()).isTrue();
        }
    }

    @Test
    void registers_with_the_package_id() {
        assertThat(peer.registeredChaincodeId()).isEqualTo(PACKAGE_ID);
    }

    @Test
    void init_message_succeeds() {
        TransactionResult result = peer.init("Init");

        assertThat(result.outcome()).isEqualTo(TransactionResult.Outcome.COMPLETED);
        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void init_marble_commits_the_marble_its_indexes_and_an_event() {
        TransactionResult result = peer.invoke("initMarble", "marble1", "Blue", "35", "Tom");

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.committed()).isTrue();
        assertThat(peer.worldState().getUtf8("marble1"))
                .contains(
                        "{\"docType\":\"marble\",\"name\":\"marble1\",\"color\":\"blue\",\"size\":35,\"owner\":\"tom\"}");
        assertThat(peer.worldState().keys())
                .contains(
                        "\u0000color~name\u0000blue\u0000marble1\u0000",
                        "\u0000owner~name\u0000tom\u0000marble1\u0000");
        assertThat(result.event()).hasValueSatisfying(event -> {
            assertThat(event.name()).isEqualTo("MarbleCreated");
            assertThat(json(event.payloadUtf8()).get("owner").asText()).isEqualTo("tom");
        });
    }

    @Test
    void read_marble_returns_the_stored_json() {
        seed();

        assertThat(json(peer.query("readMarble", "marble2").payloadUtf8())
                        .get("color")
                        .asText())
                .isEqualTo("red");
    }

    @Test
    void a_refused_call_completes_with_the_error_code_and_commits_nothing() {
        seed();
        int keys = peer.worldState().size();

        TransactionResult result = peer.invoke("initMarble", "marble1", "red", "1", "bob");

        assertThat(result.outcome()).isEqualTo(TransactionResult.Outcome.COMPLETED);
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.message()).startsWith("MARBLE_ALREADY_EXISTS: ");
        assertThat(result.committed()).isFalse();
        assertThat(peer.worldState().size()).isEqualTo(keys);
        assertThat(json(peer.query("readMarble", "marble1").payloadUtf8())
                        .get("owner")
                        .asText())
                .isEqualTo("tom");
    }

    @Test
    void bad_input_is_refused_naming_the_argument() {
        assertThat(peer.invoke("initMarble", "marble1", "blue", "-3", "tom").message())
                .startsWith("INVALID_ARGUMENT: size");
        assertThat(peer.invoke("initMarble", "marble1", "blue").message()).startsWith("INCORRECT_ARGUMENT_COUNT: ");
        assertThat(peer.invoke("readMarble", "").message()).startsWith("INVALID_ARGUMENT: name");
        assertThat(peer.invoke("noSuchFunction").message()).startsWith("UNKNOWN_FUNCTION: ");
        assertThat(peer.worldState().size()).isZero();
    }

    @Test
    void transfer_marble_moves_the_owner_and_its_index() {
        seed();

        TransactionResult result = peer.invoke("transferMarble", "marble1", "Jerry");

        assertThat(result.isSuccess()).isTrue();
        assertThat(json(peer.query("readMarble", "marble1").payloadUtf8())
                        .get("owner")
                        .asText())
                .isEqualTo("jerry");
        assertThat(peer.worldState().keys()).doesNotContain("\u0000owner~name\u0000tom\u0000marble1\u0000");
        assertThat(result.event().orElseThrow().name()).isEqualTo("MarbleTransferred");
    }

    @Test
    void transfer_marbles_based_on_color_reads_the_index_across_batches() {
        seed();

        TransactionResult result = peer.invoke("transferMarblesBasedOnColor", "BLUE", "bob");

        assertThat(result.payloadUtf8()).isEqualTo("Transferred 3 blue marbles to bob");
        assertThat(json(peer.query("queryMarblesByOwner", "bob").payloadUtf8())).hasSize(3);
        assertThat(result.event().orElseThrow().name()).isEqualTo("MarblesTransferred");
    }

    @Test
    void get_marbles_by_range_returns_every_marble_in_range() {
        seed();

        JsonNode all = json(peer.query("getMarblesByRange", "", "").payloadUtf8());
        JsonNode some =
                json(peer.query("getMarblesByRange", "marble2", "marble4").payloadUtf8());

        assertThat(all).hasSize(5);
        assertThat(some).hasSize(2);
        assertThat(some.get(0).get("Key").asText()).isEqualTo("marble2");
        assertThat(some.get(1).get("Record").get("name").asText()).isEqualTo("marble3");
    }

    @Test
    void get_marbles_by_range_with_pagination_walks_the_pages_by_bookmark() {
        seed();
        List<String> keys = new ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            JsonNode page = json(peer.query("getMarblesByRangeWithPagination", "", "", "2", bookmark)
                    .payloadUtf8());
            page.get("records").forEach(record -> keys.add(record.get("Key").asText()));
            assertThat(page.get("fetchedRecordsCount").asInt())
                    .isEqualTo(page.get("records").size());
            bookmark = page.get("bookmark").asText();
            pages++;
        } while (!bookmark.isEmpty() && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).containsExactly("marble1", "marble2", "marble3", "marble4", "marble5");
    }

    @Test
    void query_marbles_by_owner_works_without_couchdb() {
        seed();

        JsonNode result = json(peer.query("queryMarblesByOwner", "TOM").payloadUtf8());

        assertThat(result)
                .extracting(node -> node.get("Key").asText())
                .containsExactly("marble1", "marble2", "marble4");
    }

    @Test
    void rich_queries_get_a_clear_error_from_a_leveldb_peer() {
        seed();

        TransactionResult query = peer.query("queryMarbles", "{\"selector\":{\"owner\":\"tom\"}}");
        TransactionResult paged = peer.query("queryMarblesWithPagination", "{\"selector\":{}}", "2", "");

        assertThat(query.status()).isEqualTo(500);
        assertThat(query.message()).startsWith("RICH_QUERY_UNSUPPORTED: ").contains("CouchDB");
        assertThat(paged.message()).startsWith("RICH_QUERY_UNSUPPORTED: ");
    }

    @Test
    void get_history_for_marble_lists_changes_newest_first() {
        peer.invoke("initMarble", "marble1", "blue", "35", "tom");
        peer.invoke("transferMarble", "marble1", "jerry");
        peer.invoke("transferMarble", "marble1", "bob");
        TransactionResult deleted = peer.invoke("delete", "marble1");

        JsonNode history = json(peer.query("getHistoryForMarble", "marble1").payloadUtf8());

        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("TxId").asText()).isEqualTo(deleted.txId());
        assertThat(history.get(0).get("IsDelete").asBoolean()).isTrue();
        assertThat(history.get(0).get("Value").isNull()).isTrue();
        assertThat(history.get(1).get("Value").get("owner").asText()).isEqualTo("bob");
        assertThat(history.get(3).get("Timestamp").asText()).endsWith("Z").contains("T");
    }

    @Test
    void delete_removes_the_marble_and_its_index_entries() {
        seed();

        TransactionResult result = peer.invoke("delete", "marble3");

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.event().orElseThrow().name()).isEqualTo("MarbleDeleted");
        assertThat(peer.worldState().keys()).noneMatch(key -> key.contains("marble3"));
        assertThat(peer.query("readMarble", "marble3").message()).startsWith("MARBLE_NOT_FOUND: ");
    }

    @Test
    void query_discards_writes() {
        TransactionResult result = peer.query("initMarble", "marble9", "blue", "1", "tom");

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.committed()).isFalse();
        assertThat(peer.worldState().get("marble9")).isEmpty();
    }

    @Test
    void concurrent_transactions_on_one_stream_all_complete() {
        List<CompletableFuture<TransactionResult>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(peer.invokeAsync("initMarble", "m" + i, "blue", Integer.toString(i), "tom"));
        }

        assertThat(results)
                .allSatisfy(future -> assertThat(future.join().isSuccess()).isTrue());
        assertThat(json(peer.query("getMarblesByRange", "", "").payloadUtf8())).hasSize(32);
    }
}
