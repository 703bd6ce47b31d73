package dev.weft.gateway;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.FakeGatewayService;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.gateway.grpc.v1.ColorTransfer;
import dev.weft.gateway.grpc.v1.CreateMarbleRequest;
import dev.weft.gateway.grpc.v1.DeleteMarbleRequest;
import dev.weft.gateway.grpc.v1.GetMarbleHistoryRequest;
import dev.weft.gateway.grpc.v1.GetMarbleRequest;
import dev.weft.gateway.grpc.v1.GetTransactionStatusRequest;
import dev.weft.gateway.grpc.v1.HistoryEntry;
import dev.weft.gateway.grpc.v1.ListMarblesByOwnerRequest;
import dev.weft.gateway.grpc.v1.ListMarblesByRangeRequest;
import dev.weft.gateway.grpc.v1.Marble;
import dev.weft.gateway.grpc.v1.MarbleEvent;
import dev.weft.gateway.grpc.v1.MarbleList;
import dev.weft.gateway.grpc.v1.MarbleTransaction;
import dev.weft.gateway.grpc.v1.MarblesGrpc;
import dev.weft.gateway.grpc.v1.PeerError;
import dev.weft.gateway.grpc.v1.QueryMarblesRequest;
import dev.weft.gateway.grpc.v1.TransactionStatus;
import dev.weft.gateway.grpc.v1.TransferMarbleRequest;
import dev.weft.gateway.grpc.v1.TransferMarblesByColorRequest;
import dev.weft.gateway.grpc.v1.WatchEventsRequest;
import dev.weft.testing.security.TestCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The gRPC API through a real plaintext HTTP/2 channel to the test HTTP port (the service shares it with REST),
 * against the same real Fabric Gateway client and in-process fake peer as {@link MarblesRestIT}.
 */
@QuarkusTest
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
@QuarkusTestResource(TestCredentials.Resource.class)
class MarblesGrpcIT {

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

    private static final Metadata.Key<String> IDEMPOTENCY_KEY =
            Metadata.Key.of("idempotency-key", Metadata.ASCII_STRING_MARSHALLER);

    @TestHTTPResource("/")
    URL http;

    ManagedChannel channel;
    MarblesGrpc.MarblesBlockingStub marbles;

    @BeforeEach
    void open_a_channel() {
        channel = ManagedChannelBuilder.forAddress(http.getHost(), http.getPort())
                .usePlaintext()
                .intercept(MetadataUtils.newAttachHeadersInterceptor(apiKey(TestCredentials.EVERY_ROLE)))
                .build();
        marbles = MarblesGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close_the_other_channels() {
        others.forEach(ManagedChannel::shutdownNow);
        others.clear();
    }

    @AfterEach
    void close_the_channel_and_clear_faults() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        fake().holdCommitStatus = false;
        fake().readConflictsToInject.set(0);
        fake().nextEndorseFailure.set(null);
        fake().richQueries(false);
    }

    static Metadata apiKey(String name) {
        Metadata headers = new Metadata();
        headers.put(API_KEY, TestCredentials.apiKey(name));
        return headers;
    }

    /** A stub on its own channel that sends only the given headers (none at all when null). */
    MarblesGrpc.MarblesBlockingStub stubWith(Metadata headers) {
        ManagedChannelBuilder<?> builder =
                ManagedChannelBuilder.forAddress(http.getHost(), http.getPort()).usePlaintext();
        if (headers != null) {
            builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        ManagedChannel own = builder.build();
        others.add(own);
        return MarblesGrpc.newBlockingStub(own).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    final java.util.List<ManagedChannel> others = new java.util.ArrayList<>();

    @Nested
    class WhoMayCall {

        @Test
        void a_call_without_credentials_is_unauthenticated() {
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> stubWith(null)
                            .getMarble(
                                    GetMarbleRequest.newBuilder().setName("any").build()));

            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }

        @Test
        void a_revoked_key_is_unauthenticated() {
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> stubWith(apiKey(TestCredentials.REVOKED))
                            .getMarble(
                                    GetMarbleRequest.newBuilder().setName("any").build()));

            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }

        @Test
        void a_reader_may_read_but_not_write() {
            String name = unique("grpc-reader");
            create(name, "blue", 3, "tom");
            MarblesGrpc.MarblesBlockingStub reader = stubWith(apiKey(TestCredentials.READER));

            assertThat(reader.getMarble(
                                    GetMarbleRequest.newBuilder().setName(name).build())
                            .getOwner())
                    .isEqualTo("tom");
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class, () -> reader.createMarble(marble(unique("no"), "red", 1, "tom")));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        }

        @Test
        void a_writer_without_the_read_role_may_not_read() {
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> stubWith(apiKey(TestCredentials.WRITER))
                            .getMarble(
                                    GetMarbleRequest.newBuilder().setName("any").build()));

            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        }

        @Test
        void a_bearer_token_with_the_read_role_may_read() {
            String name = unique("grpc-bearer");
            create(name, "blue", 3, "tom");
            Metadata bearer = new Metadata();
            bearer.put(
                    Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + TestCredentials.token("marbles:read"));

            assertThat(stubWith(bearer)
                            .getMarble(
                                    GetMarbleRequest.newBuilder().setName(name).build())
                            .getName())
                    .isEqualTo(name);
        }
    }

    static FakeGatewayService fake() {
        return FakeFabric.service();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static CreateMarbleRequest marble(String name, String color, int size, String owner) {
        return CreateMarbleRequest.newBuilder()
                .setName(name)
                .setColor(color)
                .setSize(size)
                .setOwner(owner)
                .build();
    }

    MarbleTransaction create(String name, String color, int size, String owner) {
        return marbles.createMarble(marble(name, color, size, owner));
    }

    MarblesGrpc.MarblesBlockingStub withIdempotencyKey(String key) {
        Metadata headers = new Metadata();
        headers.put(IDEMPOTENCY_KEY, key);
        return marbles.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The call's failure with its rich status; fails the test when the call succeeds. */
    static com.google.rpc.Status failure(Executable call, Status.Code expected) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::execute);
        assertThat(e).as("the call fails").isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(expected);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("status details in the trailers").isNotNull();
        return status;
    }

    static <T extends Message> List<T> details(com.google.rpc.Status status, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    found.add(any.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return found;
    }

    static ErrorInfo errorInfo(com.google.rpc.Status status) {
        List<ErrorInfo> infos = details(status, ErrorInfo.class);
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getDomain()).isEqualTo("weft.dev");
        return infos.get(0);
    }

    static String violatedField(com.google.rpc.Status status) {
        List<BadRequest> badRequests = details(status, BadRequest.class);
        assertThat(badRequests).hasSize(1);
        assertThat(badRequests.get(0).getFieldViolationsCount()).isEqualTo(1);
        return badRequests.get(0).getFieldViolations(0).getField();
    }

    @Nested
    class Operations {

        @Test
        void create_returns_the_transaction_and_the_marble() {
            String name = unique("g");
            MarbleTransaction created = create(name, "Blue", 35, "Tom");

            assertThat(created.getTransactionId()).isNotEmpty();
            assertThat(created.getBlockNumber()).isPositive();
            assertThat(created.getMarble())
                    .isEqualTo(Marble.newBuilder()
                            .setName(name)
                            .setColor("blue")
                            .setSize(35)
                            .setOwner("tom")
                            .build());
            assertThat(fake().statusOf(created.getTransactionId())).isEqualTo(TxValidationCode.VALID);
        }

        @Test
        void get_returns_the_stored_marble() {
            String name = unique("g");
            create(name, "red", 5, "ann");

            Marble read = marbles.getMarble(
                    GetMarbleRequest.newBuilder().setName(name).build());

            assertThat(read.getName()).isEqualTo(name);
            assertThat(read.getColor()).isEqualTo("red");
            assertThat(read.getSize()).isEqualTo(5);
            assertThat(read.getOwner()).isEqualTo("ann");
        }

        @Test
        void transfer_changes_the_owner_and_history_lists_both_versions() {
            String name = unique("g");
            String createdTx = create(name, "red", 5, "ann").getTransactionId();

            MarbleTransaction moved = marbles.transferMarble(TransferMarbleRequest.newBuilder()
                    .setName(name)
                    .setNewOwner("Bob")
                    .build());

            assertThat(moved.getMarble().getOwner()).isEqualTo("bob");
            List<HistoryEntry> history = marbles.getMarbleHistory(
                            GetMarbleHistoryRequest.newBuilder().setName(name).build())
                    .getEntriesList();
            assertThat(history).hasSize(2);
            assertThat(history.get(0).getTransactionId()).isEqualTo(moved.getTransactionId());
            assertThat(history.get(0).getValue().getOwner()).isEqualTo("bob");
            assertThat(history.get(0).hasTimestamp()).isTrue();
            assertThat(history.get(1).getTransactionId()).isEqualTo(createdTx);
            assertThat(history.get(1).getValue().getOwner()).isEqualTo("ann");
        }

        @Test
        void delete_returns_the_deleted_marble_and_history_marks_it() {
            String name = unique("g");
            create(name, "red", 5, "ann");

            MarbleTransaction deleted = marbles.deleteMarble(
                    DeleteMarbleRequest.newBuilder().setName(name).build());

            assertThat(deleted.getMarble().getName()).isEqualTo(name);
            failure(
                    () -> marbles.getMarble(
                            GetMarbleRequest.newBuilder().setName(name).build()),
                    Status.Code.NOT_FOUND);
            HistoryEntry last = marbles.getMarbleHistory(
                            GetMarbleHistoryRequest.newBuilder().setName(name).build())
                    .getEntries(0);
            assertThat(last.getDeleted()).isTrue();
            assertThat(last.hasValue()).isFalse();
        }

        @Test
        void transfer_by_colour_moves_every_marble_of_that_colour() {
            String colour = unique("c");
            String owner = unique("o");
            String a = unique("g");
            String b = unique("g");
            create(a, colour, 1, "ann");
            create(b, colour, 2, "ann");

            ColorTransfer moved = marbles.transferMarblesByColor(TransferMarblesByColorRequest.newBuilder()
                    .setColor(colour)
                    .setNewOwner(owner)
                    .build());

            assertThat(moved.getSummary()).contains("Transferred 2");
            assertThat(moved.getTransactionId()).isNotEmpty();
            MarbleList owned = marbles.listMarblesByOwner(
                    ListMarblesByOwnerRequest.newBuilder().setOwner(owner).build());
            assertThat(owned.getMarblesList()).extracting(Marble::getName).containsExactlyInAnyOrder(a, b);
            assertThat(owned.hasBookmark()).isFalse();
        }

        @Test
        void range_pages_follow_the_bookmark() {
            String prefix = unique("r");
            for (int i = 0; i < 3; i++) {
                create(prefix + "-" + i, "green", i, "ann");
            }
            ListMarblesByRangeRequest range = ListMarblesByRangeRequest.newBuilder()
                    .setFrom(prefix)
                    .setTo(prefix + "~")
                    .build();

            MarbleList first =
                    marbles.listMarblesByRange(range.toBuilder().setPageSize(2).build());
            MarbleList second = marbles.listMarblesByRange(range.toBuilder()
                    .setPageSize(2)
                    .setBookmark(first.getBookmark())
                    .build());
            MarbleList all = marbles.listMarblesByRange(range);

            assertThat(first.getMarblesList())
                    .extracting(Marble::getName)
                    .containsExactly(prefix + "-0", prefix + "-1");
            assertThat(first.getFetchedRecordsCount()).isEqualTo(2);
            assertThat(first.getBookmark()).isNotEmpty();
            assertThat(second.getMarblesList()).extracting(Marble::getName).containsExactly(prefix + "-2");
            assertThat(second.hasBookmark()).isTrue();
            assertThat(second.getBookmark()).isEmpty();
            assertThat(all.getMarblesCount()).isEqualTo(3);
            assertThat(all.hasBookmark()).isFalse();
            assertThat(all.hasFetchedRecordsCount()).isFalse();
        }

        @Test
        void selector_queries_page_through_the_matches_on_couchdb() {
            fake().richQueries(true);
            String colour = unique("q");
            for (int i = 0; i < 3; i++) {
                create(unique("g"), colour, 7, "ann");
            }
            create(unique("g"), colour, 8, "ann");
            Struct selector = Struct.newBuilder()
                    .putFields(
                            "color", Value.newBuilder().setStringValue(colour).build())
                    .putFields("size", Value.newBuilder().setNumberValue(7).build())
                    .build();
            QueryMarblesRequest query =
                    QueryMarblesRequest.newBuilder().setSelector(selector).build();

            MarbleList all = marbles.queryMarbles(query);
            MarbleList first =
                    marbles.queryMarbles(query.toBuilder().setPageSize(2).build());
            MarbleList second = marbles.queryMarbles(query.toBuilder()
                    .setPageSize(2)
                    .setBookmark(first.getBookmark())
                    .build());

            assertThat(all.getMarblesList())
                    .hasSize(3)
                    .allSatisfy(m -> assertThat(m.getSize()).isEqualTo(7));
            assertThat(first.getMarblesCount()).isEqualTo(2);
            assertThat(second.getMarblesCount()).isEqualTo(1);
            assertThat(second.getBookmark()).isEmpty();
        }

        @Test
        void the_status_of_a_committed_write_is_valid_with_its_block() {
            MarbleTransaction created = create(unique("g"), "red", 5, "ann");

            TransactionStatus status = marbles.getTransactionStatus(GetTransactionStatusRequest.newBuilder()
                    .setTransactionId(created.getTransactionId())
                    .build());

            assertThat(status.getTransactionId()).isEqualTo(created.getTransactionId());
            assertThat(status.getStatus()).isEqualTo("VALID");
            assertThat(status.getBlockNumber()).isEqualTo(created.getBlockNumber());
        }

        @Test
        void an_unknown_transaction_is_pending_without_a_block() {
            TransactionStatus status = marbles.getTransactionStatus(GetTransactionStatusRequest.newBuilder()
                    .setTransactionId("abc123")
                    .build());

            assertThat(status.getStatus()).isEqualTo("PENDING");
            assertThat(status.hasBlockNumber()).isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void invalid_input_is_invalid_argument_naming_the_field_before_reaching_fabric() {
            int endorsements = fake().endorsements.get();

            com.google.rpc.Status negative = failure(
                    () -> marbles.createMarble(marble(unique("g"), "blue", -1, "tom")), Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status noSize = failure(
                    () -> marbles.createMarble(marble(unique("g"), "blue", 1, "tom").toBuilder()
                            .clearSize()
                            .build()),
                    Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status noName =
                    failure(() -> marbles.createMarble(marble("", "blue", 1, "tom")), Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status noOwner = failure(
                    () -> marbles.transferMarble(
                            TransferMarbleRequest.newBuilder().setName("m1").build()),
                    Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status pageSize = failure(
                    () -> marbles.listMarblesByRange(ListMarblesByRangeRequest.newBuilder()
                            .setPageSize(0)
                            .build()),
                    Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status selector = failure(
                    () -> marbles.queryMarbles(QueryMarblesRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status transactionId = failure(
                    () -> marbles.getTransactionStatus(GetTransactionStatusRequest.newBuilder()
                            .setTransactionId("not-hex")
                            .build()),
                    Status.Code.INVALID_ARGUMENT);

            assertThat(violatedField(negative)).isEqualTo("size");
            assertThat(negative.getMessage()).isEqualTo("size must not be negative, got -1");
            assertThat(errorInfo(negative).getReason()).isEqualTo("INVALID_INPUT");
            assertThat(violatedField(noSize)).isEqualTo("size");
            assertThat(violatedField(noName)).isEqualTo("name");
            assertThat(violatedField(noOwner)).isEqualTo("newOwner");
            assertThat(violatedField(pageSize)).isEqualTo("pageSize");
            assertThat(violatedField(selector)).isEqualTo("selector");
            assertThat(violatedField(transactionId)).isEqualTo("transactionId");
            assertThat(fake().endorsements.get()).isEqualTo(endorsements);
        }
    }

    @Nested
    class Errors {

        @Test
        void a_missing_marble_is_not_found() {
            com.google.rpc.Status status = failure(
                    () -> marbles.getMarble(GetMarbleRequest.newBuilder()
                            .setName(unique("nope"))
                            .build()),
                    Status.Code.NOT_FOUND);

            assertThat(status.getMessage()).contains("Marble does not exist");
            assertThat(errorInfo(status).getReason()).isEqualTo("NOT_FOUND");
        }

        @Test
        void a_duplicate_marble_is_already_exists() {
            String name = unique("g");
            create(name, "red", 5, "ann");

            com.google.rpc.Status status = failure(() -> create(name, "red", 5, "ann"), Status.Code.ALREADY_EXISTS);

            assertThat(status.getMessage()).contains("This marble already exists");
            assertThat(errorInfo(status).getReason()).isEqualTo("ALREADY_EXISTS");
        }

        @Test
        void a_read_conflict_that_outlasts_the_retries_is_aborted_with_the_transaction_id() {
            String name = unique("g");
            create(name, "red", 5, "ann");
            int submits = fake().submits.get();
            fake().readConflictsToInject.set(10);

            com.google.rpc.Status status = failure(
                    () -> marbles.deleteMarble(
                            DeleteMarbleRequest.newBuilder().setName(name).build()),
                    Status.Code.ABORTED);

            assertThat(fake().submits.get() - submits).isEqualTo(3);
            ErrorInfo info = errorInfo(status);
            assertThat(info.getReason()).isEqualTo("READ_CONFLICT");
            assertThat(fake().statusOf(info.getMetadataOrThrow("transactionId")))
                    .isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        }

        @Test
        void rich_queries_on_leveldb_are_unimplemented() {
            QueryMarblesRequest query = QueryMarblesRequest.newBuilder()
                    .setSelector(Struct.newBuilder()
                            .putFields(
                                    "owner",
                                    Value.newBuilder().setStringValue("tom").build()))
                    .build();

            com.google.rpc.Status status = failure(() -> marbles.queryMarbles(query), Status.Code.UNIMPLEMENTED);

            assertThat(errorInfo(status).getReason()).isEqualTo("RICH_QUERY_UNSUPPORTED");
        }

        @Test
        void an_endorsement_failure_is_unavailable_with_the_peers_messages() {
            fake().nextEndorseFailure
                    .set(FakeGatewayService.endorsementFailure("failed to collect enough transaction endorsements"));

            com.google.rpc.Status status = failure(() -> create(unique("g"), "red", 5, "ann"), Status.Code.UNAVAILABLE);

            assertThat(errorInfo(status).getReason()).isEqualTo("ENDORSEMENT_FAILED");
            assertThat(details(status, PeerError.class)).singleElement().satisfies(peer -> {
                assertThat(peer.getAddress()).isEqualTo(FakeGatewayService.PEER_ADDRESS);
                assertThat(peer.getMspId()).isEqualTo(FakeGatewayService.MSP_ID);
                assertThat(peer.getMessage()).contains("failed to collect enough");
            });
        }

        @Test
        void a_commit_status_timeout_is_deadline_exceeded_with_the_transaction_id_to_check_later() {
            String name = unique("g");
            fake().holdCommitStatus = true;

            com.google.rpc.Status status = failure(() -> create(name, "red", 5, "ann"), Status.Code.DEADLINE_EXCEEDED);
            fake().holdCommitStatus = false;

            ErrorInfo info = errorInfo(status);
            assertThat(info.getReason()).isEqualTo("COMMIT_STATUS_UNKNOWN");
            String txId = info.getMetadataOrThrow("transactionId");
            TransactionStatus later = marbles.getTransactionStatus(GetTransactionStatusRequest.newBuilder()
                    .setTransactionId(txId)
                    .build());
            assertThat(later.getStatus()).isEqualTo("VALID");
            assertThat(marbles.getMarble(
                                    GetMarbleRequest.newBuilder().setName(name).build())
                            .getName())
                    .isEqualTo(name);
        }

        @Test
        void fabric_without_an_answering_peer_is_unavailable() {
            // The fake refuses as a stopping peer would; the other configured endpoint is down too.
            fake().nextEndorseFailure
                    .set(Status.UNAVAILABLE.withDescription("peer stopping").asRuntimeException());

            com.google.rpc.Status status = failure(() -> create(unique("g"), "red", 5, "ann"), Status.Code.UNAVAILABLE);

            assertThat(errorInfo(status).getReason()).isEqualTo("UNAVAILABLE");
            assertThat(details(status, PeerError.class)).isEmpty();
        }
    }

    @Nested
    class Idempotency {

        @Test
        void the_same_idempotency_key_returns_the_first_result_without_a_second_transaction() {
            String key = UUID.randomUUID().toString();
            CreateMarbleRequest request = marble(unique("g"), "red", 5, "ann");
            int submits = fake().submits.get();

            MarbleTransaction first = withIdempotencyKey(key).createMarble(request);
            MarbleTransaction again = withIdempotencyKey(key).createMarble(request);

            assertThat(again).isEqualTo(first);
            assertThat(fake().submits.get() - submits).isEqualTo(1);
        }

        @Test
        void without_a_key_a_repeated_create_is_a_second_attempt() {
            CreateMarbleRequest request = marble(unique("g"), "red", 5, "ann");
            marbles.createMarble(request);

            failure(() -> marbles.createMarble(request), Status.Code.ALREADY_EXISTS);
        }

        @Test
        void an_idempotency_key_reused_for_another_request_is_failed_precondition() {
            String key = UUID.randomUUID().toString();
            withIdempotencyKey(key).createMarble(marble(unique("g"), "red", 5, "ann"));

            com.google.rpc.Status status = failure(
                    () -> withIdempotencyKey(key).createMarble(marble(unique("g"), "red", 5, "ann")),
                    Status.Code.FAILED_PRECONDITION);

            assertThat(errorInfo(status).getReason()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void a_key_first_used_over_rest_replays_the_rest_result_over_grpc() {
            String key = UUID.randomUUID().toString();
            String name = unique("g");
            create(name, "red", 5, "ann");
            String restTx = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body("{\"owner\":\"bob\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("transactionId");
            int submits = fake().submits.get();

            MarbleTransaction replayed = withIdempotencyKey(key)
                    .transferMarble(TransferMarbleRequest.newBuilder()
                            .setName(name)
                            .setNewOwner("bob")
                            .build());

            assertThat(replayed.getTransactionId()).isEqualTo(restTx);
            assertThat(fake().submits.get()).isEqualTo(submits);
        }

        @Test
        void a_retried_delete_after_a_commit_timeout_replays_the_deadline_instead_of_deleting_again() {
            String name = unique("g");
            create(name, "red", 5, "ann");
            String key = UUID.randomUUID().toString();
            DeleteMarbleRequest delete =
                    DeleteMarbleRequest.newBuilder().setName(name).build();
            fake().holdCommitStatus = true;
            String txId = errorInfo(
                            failure(() -> withIdempotencyKey(key).deleteMarble(delete), Status.Code.DEADLINE_EXCEEDED))
                    .getMetadataOrThrow("transactionId");
            fake().holdCommitStatus = false;
            int submits = fake().submits.get();

            com.google.rpc.Status replayed =
                    failure(() -> withIdempotencyKey(key).deleteMarble(delete), Status.Code.DEADLINE_EXCEEDED);

            assertThat(errorInfo(replayed).getMetadataOrThrow("transactionId")).isEqualTo(txId);
            assertThat(fake().submits.get()).isEqualTo(submits);
        }
    }

    @Nested
    class Events {

        @Test
        void watch_events_streams_the_events_of_marbles_written_after_the_call() {
            List<MarbleEvent> received = new CopyOnWriteArrayList<>();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            MarblesGrpc.newStub(channel).watchEvents(WatchEventsRequest.getDefaultInstance(), new StreamObserver<>() {
                @Override
                public void onNext(MarbleEvent event) {
                    received.add(event);
                }

                @Override
                public void onError(Throwable t) {
                    errors.add(t);
                }

                @Override
                public void onCompleted() {
                    errors.add(new AssertionError("the stream ended"));
                }
            });

            // The stream is live from the moment the server subscribes, which the client cannot observe: write
            // marbles until one of them comes back, then check that one.
            List<MarbleTransaction> written = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        written.add(create(unique("ev"), "red", 3, "ann"));
                        return seen(received, written).isPresent() || !errors.isEmpty();
                    });

            assertThat(errors).isEmpty();
            MarbleTransaction created = seen(received, written).orElseThrow();
            MarbleEvent event = received.stream()
                    .filter(e -> e.getSubject().equals(created.getMarble().getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.getId()).isEqualTo(created.getTransactionId() + "-0");
            assertThat(event.getType()).isEqualTo("dev.weft.marbles.created.v1");
            assertThat(event.hasTime()).isTrue();
            assertThat(event.getDataCase()).isEqualTo(MarbleEvent.DataCase.CREATED);
            assertThat(event.getCreated().getColor()).isEqualTo("red");
            assertThat(event.getCreated().getSize()).isEqualTo(3);
            assertThat(event.getCreated().getTransactionId()).isEqualTo(created.getTransactionId());
            assertThat(event.getCreated().getBlockNumber()).isEqualTo(created.getBlockNumber());
        }

        private static Optional<MarbleTransaction> seen(List<MarbleEvent> received, List<MarbleTransaction> written) {
            return written.stream()
                    .filter(w -> received.stream()
                            .anyMatch(e -> e.getSubject().equals(w.getMarble().getName())))
                    .findFirst();
        }
    }
}
