package dev.weft.chaincode.marbles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The ledger calls of the marbles functions, with the peer's refusals turned into {@link MarblesException}s and
 * iterators always drained and closed (an iterator left open keeps a query context alive on the peer).
 */
final class Ledger {

    private final ChaincodeStub stub;
    private final String function;

    Ledger(ChaincodeStub stub, String function) {
        this.stub = stub;
        this.function = function;
    }

    ChaincodeStub stub() {
        return stub;
    }

    /** The stored value, or empty when the key is absent (the peer answers an empty value). */
    Optional<byte[]> get(String key) {
        byte[] value = call(() -> stub.getState(key));
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
    }

    /** The stored marble. */
    Marble marble(String name) {
        return get(name)
                .map(json -> MarbleJson.parse(name, json))
                .orElseThrow(() -> new MarblesException(ErrorCode.MARBLE_NOT_FOUND, "Marble does not exist: " + name));
    }

    void put(String key, byte[] value) {
        call(() -> {
            stub.putState(key, value);
            return null;
        });
    }

    void delete(String key) {
        call(() -> {
            stub.delState(key);
            return null;
        });
    }

    String compositeKey(String objectType, String... attributes) {
        return stub.createCompositeKey(objectType, attributes).toString();
    }

    /** Every entry an iterator yields, mapped, with the iterator closed afterwards. */
    <T, R> List<R> drain(Supplier<? extends QueryResultsIterator<T>> open, Function<T, R> mapper) {
        return drain(open, mapper, ErrorCode.LEDGER_ERROR);
    }

    <T, R> List<R> drain(Supplier<? extends QueryResultsIterator<T>> open, Function<T, R> mapper, ErrorCode onFailure) {
        return call(
                () -> {
                    try (QueryResultsIterator<T> iterator = open.get()) {
                        List<R> results = new ArrayList<>();
                        for (T item : iterator) {
                            results.add(mapper.apply(item));
                        }
                        return results;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw MarblesException.withCause(
                                ErrorCode.LEDGER_ERROR, "cannot close the query iterator: " + e.getMessage(), e);
                    }
                },
                onFailure);
    }

    <T> T call(Supplier<T> ledgerCall) {
        return call(ledgerCall, ErrorCode.LEDGER_ERROR);
    }

    /**
     * Runs a ledger call. The shim reports a peer-side refusal only as "Unsuccessful response received" (the peer's
     * reason stays in the peer log), so the message says which function's ledger call failed.
     */
    <T> T call(Supplier<T> ledgerCall, ErrorCode onFailure) {
        try {
            return ledgerCall.get();
        } catch (MarblesException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MarblesException.withCause(onFailure, describe(onFailure) + ": " + e.getMessage(), e);
        }
    }

    private String describe(ErrorCode code) {
        if (code == ErrorCode.RICH_QUERY_UNSUPPORTED) {
            return function + " needs a CouchDB state database and the peer refused the rich query (LevelDB has"
                    + " none; use queryMarblesByOwner or getMarblesByRange there)";
        }
        return "the peer refused a ledger call of " + function;
    }
}
