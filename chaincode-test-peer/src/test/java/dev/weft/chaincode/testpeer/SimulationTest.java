package dev.weft.chaincode.testpeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetQueryResult;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.QueryMetadata;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.QueryStateNext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The peer side of the state requests, message by message, as the shim sends them. */
class SimulationTest {

    private WorldState state;
    private Simulation simulation;

    @BeforeEach
    void ledger() {
        state = new WorldState();
        state.commit(
                "tx0",
                Instant.EPOCH,
                Map.of(
                        "a", bytes("1"),
                        "b", bytes("2"),
                        "c", bytes("3"),
                        "d", bytes("4"),
                        "e", bytes("5"),
                        "\u0000idx\u0000x\u0000", bytes("\u0000")));
        simulation = new Simulation("tx1", Instant.EPOCH, "marbles", state, 2);
    }

    private static Optional<byte[]> bytes(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private ChaincodeMessage ask(ChaincodeMessage.Type type, Message payload) {
        return simulation.answer(ChaincodeMessage.newBuilder()
                .setType(type)
                .setTxid("tx1")
                .setChannelId("mychannel")
                .setPayload(payload.toByteString())
                .build());
    }

    private static QueryResponse response(ChaincodeMessage message) throws InvalidProtocolBufferException {
        assertThat(message.getType()).isEqualTo(ChaincodeMessage.Type.RESPONSE);
        return QueryResponse.parseFrom(message.getPayload());
    }

    private static String firstKey(QueryResponse response) throws InvalidProtocolBufferException {
        return KV.parseFrom(response.getResults(0).getResultBytes()).getKey();
    }

    @Nested
    class Writes {
        @Test
        void are_buffered_and_invisible_to_reads_of_the_same_transaction() {
            ask(
                    ChaincodeMessage.Type.PUT_STATE,
                    PutState.newBuilder()
                            .setKey("a")
                            .setValue(ByteString.copyFromUtf8("new"))
                            .build());

            ChaincodeMessage read = ask(
                    ChaincodeMessage.Type.GET_STATE,
                    GetState.newBuilder().setKey("a").build());

            assertThat(read.getPayload().toStringUtf8()).isEqualTo("1");
            assertThat(state.getUtf8("a")).contains("1");
            assertThat(simulation.writes()).containsKey("a");
        }

        @Test
        void delete_is_an_empty_write() {
            ask(
                    ChaincodeMessage.Type.DEL_STATE,
                    DelState.newBuilder().setKey("b").build());

            assertThat(simulation.writes().get("b")).isEmpty();
        }

        @Test
        void of_an_empty_key_are_refused() {
            ChaincodeMessage answer = ask(
                    ChaincodeMessage.Type.PUT_STATE,
                    PutState.newBuilder()
                            .setKey("")
                            .setValue(ByteString.copyFromUtf8("x"))
                            .build());

            assertThat(answer.getType()).isEqualTo(ChaincodeMessage.Type.ERROR);
        }
    }

    @Nested
    class RangeQueries {
        @Test
        void come_in_batches_fetched_with_query_state_next() throws InvalidProtocolBufferException {
            QueryResponse first = response(ask(
                    ChaincodeMessage.Type.GET_STATE_BY_RANGE,
                    GetStateByRange.newBuilder()
                            .setStartKey("\u0001")
                            .setEndKey("")
                            .build()));

            assertThat(first.getResultsCount()).isEqualTo(2);
            assertThat(first.getHasMore()).isTrue();
            QueryResponse second = response(ask(
                    ChaincodeMessage.Type.QUERY_STATE_NEXT,
                    QueryStateNext.newBuilder().setId(first.getId()).build()));
            assertThat(firstKey(second)).isEqualTo("c");
            QueryResponse third = response(ask(
                    ChaincodeMessage.Type.QUERY_STATE_NEXT,
                    QueryStateNext.newBuilder().setId(first.getId()).build()));
            assertThat(third.getResultsCount()).isEqualTo(1);
            assertThat(third.getHasMore()).isFalse();
        }

        @Test
        void with_pagination_return_one_page_with_the_next_key_as_bookmark() throws InvalidProtocolBufferException {
            QueryResponse page = response(ask(
                    ChaincodeMessage.Type.GET_STATE_BY_RANGE,
                    GetStateByRange.newBuilder()
                            .setStartKey("\u0001")
                            .setEndKey("")
                            .setMetadata(QueryMetadata.newBuilder()
                                    .setPageSize(3)
                                    .setBookmark("b")
                                    .build()
                                    .toByteString())
                            .build()));

            QueryResponseMetadata metadata = QueryResponseMetadata.parseFrom(page.getMetadata());
            assertThat(page.getResultsCount()).isEqualTo(3);
            assertThat(firstKey(page)).isEqualTo("b");
            assertThat(metadata.getFetchedRecordsCount()).isEqualTo(3);
            assertThat(metadata.getBookmark()).isEqualTo("e");
        }

        @Test
        void with_pagination_forbid_later_writes() {
            ask(
                    ChaincodeMessage.Type.GET_STATE_BY_RANGE,
                    GetStateByRange.newBuilder()
                            .setStartKey("a")
                            .setMetadata(QueryMetadata.newBuilder()
                                    .setPageSize(1)
                                    .build()
                                    .toByteString())
                            .build());

            ChaincodeMessage write = ask(
                    ChaincodeMessage.Type.PUT_STATE,
                    PutState.newBuilder()
                            .setKey("z")
                            .setValue(ByteString.copyFromUtf8("x"))
                            .build());

            assertThat(write.getType()).isEqualTo(ChaincodeMessage.Type.ERROR);
            assertThat(write.getPayload().toStringUtf8()).contains("Writes are not allowed");
        }
    }

    @Test
    void rich_queries_are_refused_as_leveldb_refuses_them() {
        ChaincodeMessage answer = ask(
                ChaincodeMessage.Type.GET_QUERY_RESULT,
                GetQueryResult.newBuilder().setQuery("{\"selector\":{}}").build());

        assertThat(answer.getType()).isEqualTo(ChaincodeMessage.Type.ERROR);
        assertThat(answer.getPayload().toStringUtf8()).contains("ExecuteQuery not supported for leveldb");
    }
}
