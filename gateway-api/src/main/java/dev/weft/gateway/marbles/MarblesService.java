package dev.weft.gateway.marbles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.fabric.LedgerClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Every marbles function, once: validation, the chaincode call, response parsing, retries and idempotency. The
 * REST resource and the gRPC service both call this and only translate in and out.
 *
 * <pre>{@code
 * Submitted<Marble> created = marbles.create(new NewMarble("marble1", "blue", 35, "tom"), "key-1");
 * Marble marble = marbles.read("marble1");
 * }</pre>
 */
@ApplicationScoped
public class MarblesService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LedgerClient ledger;
    private final ConflictRetry retry;
    private final IdempotencyStore idempotency;
    private final Instance<SecurityIdentity> caller;

    MarblesService(LedgerClient ledger, GatewayConfig config, Instance<SecurityIdentity> caller) {
        this.ledger = ledger;
        this.caller = caller;
        this.retry = new ConflictRetry(
                config.retry().maxAttempts(),
                config.retry().initialBackoff(),
                config.retry().maxBackoff());
        this.idempotency = new IdempotencyStore(
                config.idempotency().capacity(), config.idempotency().ttl(), Clock.systemUTC());
    }

    /**
     * {@code initMarble}. Not retried on a read conflict: a conflict here means someone wrote the same name at
     * the same time, which the caller should see.
     */
    public Submitted<Marble> create(NewMarble marble, String idempotencyKey) {
        String name = MarbleValidation.keyPart("name", marble.name());
        String color = MarbleValidation.keyPart("color", marble.color());
        int size = MarbleValidation.size(marble.size());
        String owner = MarbleValidation.keyPart("owner", marble.owner());
        String[] args = {name, color, Integer.toString(size), owner};
        return idempotency.run(scoped(idempotencyKey), fingerprint("initMarble", args), () -> {
            LedgerClient.Committed committed = ledger.submit("initMarble", args);
            return submitted(committed, ChaincodeResponses.marble(committed.result()));
        });
    }

    /** {@code readMarble}. */
    public Marble read(String name) {
        MarbleValidation.keyPart("name", name);
        return ChaincodeResponses.marble(ledger.evaluate("readMarble", name));
    }

    /** {@code transferMarble}; retried on read conflicts (giving a marble to the same owner twice is harmless). */
    public Submitted<Marble> transfer(String name, String newOwner, String idempotencyKey) {
        MarbleValidation.keyPart("name", name);
        MarbleValidation.keyPart("newOwner", newOwner);
        return idempotency.run(
                scoped(idempotencyKey),
                fingerprint("transferMarble", name, newOwner),
                () -> retry.run(() -> {
                    LedgerClient.Committed committed = ledger.submit("transferMarble", name, newOwner);
                    return submitted(committed, ChaincodeResponses.marble(committed.result()));
                }));
    }

    /** {@code delete}; retried on read conflicts (the conflicting attempt deleted nothing). */
    public Submitted<Marble> delete(String name, String idempotencyKey) {
        MarbleValidation.keyPart("name", name);
        return idempotency.run(
                scoped(idempotencyKey),
                fingerprint("delete", name),
                () -> retry.run(() -> {
                    LedgerClient.Committed committed = ledger.submit("delete", name);
                    return submitted(committed, ChaincodeResponses.marble(committed.result()));
                }));
    }

    /** {@code transferMarblesBasedOnColor}; retried on read conflicts. The value is the chaincode's summary. */
    public Submitted<String> transferByColor(String color, String newOwner, String idempotencyKey) {
        MarbleValidation.keyPart("color", color);
        MarbleValidation.keyPart("newOwner", newOwner);
        return idempotency.run(
                scoped(idempotencyKey),
                fingerprint("transferMarblesBasedOnColor", color, newOwner),
                () -> retry.run(() -> {
                    LedgerClient.Committed committed = ledger.submit("transferMarblesBasedOnColor", color, newOwner);
                    return submitted(committed, new String(committed.result(), StandardCharsets.UTF_8));
                }));
    }

    /**
     * Marbles with names in [{@code from}, {@code to}); empty bounds are open. With a page size, {@code
     * getMarblesByRangeWithPagination}, otherwise {@code getMarblesByRange}.
     */
    public MarblePage range(String from, String to, Integer pageSize, String bookmark) {
        String start = MarbleValidation.rangeKey("from", from);
        String end = MarbleValidation.rangeKey("to", to);
        if (pageSize == null) {
            return MarblePage.of(ChaincodeResponses.records(ledger.evaluate("getMarblesByRange", start, end)));
        }
        int size = MarbleValidation.pageSize(pageSize);
        return ChaincodeResponses.page(ledger.evaluate(
                "getMarblesByRangeWithPagination",
                start,
                end,
                Integer.toString(size),
                bookmark == null ? "" : bookmark));
    }

    /** {@code queryMarblesByOwner}. */
    public List<Marble> byOwner(String owner) {
        MarbleValidation.keyPart("owner", owner);
        return ChaincodeResponses.records(ledger.evaluate("queryMarblesByOwner", owner));
    }

    /** {@code queryMarbles} or, with a page size, {@code queryMarblesWithPagination}; needs CouchDB on the peer. */
    public MarblePage query(JsonNode selector, Integer pageSize, String bookmark) {
        MarbleValidation.selector(selector);
        ObjectNode query = MAPPER.createObjectNode();
        query.set("selector", selector);
        String json = query.toString();
        if (pageSize == null) {
            return MarblePage.of(ChaincodeResponses.records(ledger.evaluate("queryMarbles", json)));
        }
        int size = MarbleValidation.pageSize(pageSize);
        return ChaincodeResponses.page(ledger.evaluate(
                "queryMarblesWithPagination", json, Integer.toString(size), bookmark == null ? "" : bookmark));
    }

    /** {@code getHistoryForMarble}, newest first. */
    public List<HistoryEntry> history(String name) {
        MarbleValidation.keyPart("name", name);
        return ChaincodeResponses.history(ledger.evaluate("getHistoryForMarble", name));
    }

    /** Whether a transaction (e.g. one whose commit status timed out) committed. */
    public TransactionStatus transaction(String transactionId) {
        MarbleValidation.transactionId(transactionId);
        LedgerClient.TransactionState state = ledger.status(transactionId);
        return new TransactionStatus(state.transactionId(), state.status(), state.blockNumber());
    }

    private static <T> Submitted<T> submitted(LedgerClient.Committed committed, T value) {
        return new Submitted<>(committed.transactionId(), committed.blockNumber(), value);
    }

    /**
     * Idempotency keys belong to their caller: another caller sending the same key gets its own transaction, never the
     * first caller's result. Anonymous calls (authentication off) share one scope.
     */
    private String scoped(String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        SecurityIdentity identity = caller.isResolvable() ? caller.get() : null;
        String principal = identity == null || identity.isAnonymous()
                ? ""
                : identity.getPrincipal().getName();
        return principal + "\n" + idempotencyKey;
    }

    private static String fingerprint(String function, String... args) {
        // U+0000 cannot occur in validated arguments, so the joined form is unambiguous.
        return function + '\u0000' + String.join("\u0000", args);
    }
}
