package dev.weft.gateway.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.weft.events.CloudEvent;
import dev.weft.gateway.grpc.v1.ColorTransfer;
import dev.weft.gateway.grpc.v1.MarbleEvent;
import dev.weft.gateway.grpc.v1.MarbleHistory;
import dev.weft.gateway.grpc.v1.MarbleList;
import dev.weft.gateway.grpc.v1.MarbleTransaction;
import dev.weft.gateway.marbles.HistoryEntry;
import dev.weft.gateway.marbles.Marble;
import dev.weft.gateway.marbles.MarblePage;
import dev.weft.gateway.marbles.Submitted;
import dev.weft.gateway.marbles.TransactionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Translates between the application service's records and the {@code weft.marbles.v1} messages. No decisions: a
 * value the service did not produce stays unset.
 */
final class GrpcMessages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** 2^53: doubles up to here are exact integers. */
    private static final double EXACT_INTEGERS = 9_007_199_254_740_992d;

    private GrpcMessages() {}

    static dev.weft.gateway.grpc.v1.Marble marble(Marble marble) {
        return dev.weft.gateway.grpc.v1.Marble.newBuilder()
                .setName(marble.name())
                .setColor(marble.color())
                .setSize(marble.size())
                .setOwner(marble.owner())
                .build();
    }

    static MarbleTransaction transaction(Submitted<Marble> submitted) {
        return MarbleTransaction.newBuilder()
                .setTransactionId(submitted.transactionId())
                .setBlockNumber(submitted.blockNumber())
                .setMarble(marble(submitted.value()))
                .build();
    }

    static ColorTransfer colorTransfer(Submitted<String> submitted) {
        return ColorTransfer.newBuilder()
                .setTransactionId(submitted.transactionId())
                .setBlockNumber(submitted.blockNumber())
                .setSummary(submitted.value())
                .build();
    }

    static MarbleList list(MarblePage page) {
        MarbleList.Builder list = MarbleList.newBuilder();
        page.marbles().forEach(m -> list.addMarbles(marble(m)));
        if (page.fetchedRecordsCount() != null) {
            list.setFetchedRecordsCount(page.fetchedRecordsCount());
        }
        if (page.bookmark() != null) {
            list.setBookmark(page.bookmark());
        }
        return list.build();
    }

    static MarbleHistory history(List<HistoryEntry> entries) {
        MarbleHistory.Builder history = MarbleHistory.newBuilder();
        for (HistoryEntry entry : entries) {
            dev.weft.gateway.grpc.v1.HistoryEntry.Builder out = dev.weft.gateway.grpc.v1.HistoryEntry.newBuilder()
                    .setTransactionId(entry.transactionId())
                    .setDeleted(entry.deleted());
            if (entry.timestamp() != null) {
                out.setTimestamp(timestamp(entry.timestamp()));
            }
            if (entry.value() != null) {
                out.setValue(marble(entry.value()));
            }
            history.addEntries(out);
        }
        return history.build();
    }

    static dev.weft.gateway.grpc.v1.TransactionStatus transactionStatus(TransactionStatus status) {
        dev.weft.gateway.grpc.v1.TransactionStatus.Builder out = dev.weft.gateway.grpc.v1.TransactionStatus.newBuilder()
                .setTransactionId(status.transactionId())
                .setStatus(status.status());
        if (status.blockNumber() != null) {
            out.setBlockNumber(status.blockNumber());
        }
        return out.build();
    }

    /** The CloudEvent with its body typed; an event of a type this API does not know keeps only the envelope. */
    static MarbleEvent event(CloudEvent<?> event) {
        MarbleEvent.Builder out = MarbleEvent.newBuilder()
                .setId(event.id())
                .setType(event.type())
                .setSource(event.source().toString())
                .setSubject(event.subject())
                .setTime(timestamp(event.time()));
        if (event.data() instanceof dev.weft.events.MarbleCreated created) {
            out.setCreated(created(created));
        } else if (event.data() instanceof dev.weft.events.MarbleTransferred transferred) {
            out.setTransferred(transferred(transferred));
        } else if (event.data() instanceof dev.weft.events.MarbleDeleted deleted) {
            out.setDeleted(deleted(deleted));
        }
        return out.build();
    }

    private static dev.weft.gateway.grpc.v1.MarbleCreated created(dev.weft.events.MarbleCreated created) {
        dev.weft.gateway.grpc.v1.MarbleCreated.Builder body = dev.weft.gateway.grpc.v1.MarbleCreated.newBuilder()
                .setName(created.name())
                .setColor(nullToEmpty(created.color()))
                .setOwner(nullToEmpty(created.owner()))
                .setTransactionId(created.transactionId());
        if (created.size() != null) {
            body.setSize(created.size());
        }
        if (created.blockNumber() != null) {
            body.setBlockNumber(created.blockNumber());
        }
        return body.build();
    }

    private static dev.weft.gateway.grpc.v1.MarbleTransferred transferred(
            dev.weft.events.MarbleTransferred transferred) {
        dev.weft.gateway.grpc.v1.MarbleTransferred.Builder body =
                dev.weft.gateway.grpc.v1.MarbleTransferred.newBuilder()
                        .setName(transferred.name())
                        .setNewOwner(transferred.newOwner())
                        .setTransactionId(transferred.transactionId());
        if (transferred.blockNumber() != null) {
            body.setBlockNumber(transferred.blockNumber());
        }
        return body.build();
    }

    private static dev.weft.gateway.grpc.v1.MarbleDeleted deleted(dev.weft.events.MarbleDeleted deleted) {
        dev.weft.gateway.grpc.v1.MarbleDeleted.Builder body = dev.weft.gateway.grpc.v1.MarbleDeleted.newBuilder()
                .setName(deleted.name())
                .setTransactionId(deleted.transactionId());
        if (deleted.blockNumber() != null) {
            body.setBlockNumber(deleted.blockNumber());
        }
        return body.build();
    }

    /**
     * A {@code google.protobuf.Struct} as JSON for the chaincode. Struct numbers are doubles; whole ones are written
     * without a fraction ({@code 35}, not {@code 35.0}) so the selector reads as the caller wrote it.
     */
    static ObjectNode json(Struct struct) {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<String, Value> field : struct.getFieldsMap().entrySet()) {
            object.set(field.getKey(), json(field.getValue()));
        }
        return object;
    }

    private static JsonNode json(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE -> json(value.getStructValue());
            case LIST_VALUE -> json(value.getListValue());
            case STRING_VALUE -> JSON.textNode(value.getStringValue());
            case BOOL_VALUE -> JSON.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case NULL_VALUE, KIND_NOT_SET -> JSON.nullNode();
        };
    }

    private static ArrayNode json(ListValue list) {
        ArrayNode array = JSON.arrayNode();
        list.getValuesList().forEach(v -> array.add(json(v)));
        return array;
    }

    private static JsonNode number(double number) {
        if (number == Math.rint(number) && Math.abs(number) <= EXACT_INTEGERS) {
            return JSON.numberNode((long) number);
        }
        return JSON.numberNode(number);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
