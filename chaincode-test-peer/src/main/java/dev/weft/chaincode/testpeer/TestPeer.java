package dev.weft.chaincode.testpeer;

import java.time.Duration;
import java.util.Objects;

/**
 * A stand-in for a Fabric peer that dials an external chaincode server (the way a peer dials a chaincode packaged
 * with the {@code ccaas} builder), registers it, and drives transactions against an ordered in-memory world state.
 *
 * <pre>{@code
 * // plaintext, defaults: channel "mychannel", chaincode "marbles", MSP "Org1MSP"
 * ChaincodeConnection plain = TestPeer.connect("127.0.0.1", 9999, TlsOptions.plaintext());
 *
 * // mutual TLS, a shared world state, and small query batches to exercise QUERY_STATE_NEXT
 * TestPki pki = TestPki.generate(dir);
 * ChaincodeConnection mtls = TestPeer.connect(TestPeer.Options.of("127.0.0.1", 9999)
 *         .withTls(TlsOptions.mutualTls(pki.caCert(), pki.clientCert(), pki.clientKey()))
 *         .withWorldState(sharedState)
 *         .withQueryBatchSize(2));
 * }</pre>
 */
public final class TestPeer {

    private TestPeer() {}

    /** Connects with default options; blocks until the chaincode has registered and been told READY. */
    public static ChaincodeConnection connect(String host, int port, TlsOptions tls) {
        return connect(Options.of(host, port).withTls(tls));
    }

    /** Connects; blocks until the chaincode has registered and been told READY, or throws {@link TestPeerException}. */
    public static ChaincodeConnection connect(Options options) {
        return ChaincodeConnectionImpl.open(options);
    }

    /**
     * Connection settings.
     *
     * @param host the chaincode server host
     * @param port the chaincode server port
     * @param tls plaintext, TLS or mutual TLS
     * @param channelId the channel id put in proposals and messages
     * @param chaincodeName the chaincode name (the namespace of the world state)
     * @param mspId the MSP id of the proposal creator
     * @param queryBatchSize how many results a non-paginated query returns per message (Fabric uses 100)
     * @param timeout how long to wait for registration and for each transaction
     * @param worldState the world state to use; share one between connections to keep state across reconnects
     */
    public record Options(
            String host,
            int port,
            TlsOptions tls,
            String channelId,
            String chaincodeName,
            String mspId,
            int queryBatchSize,
            Duration timeout,
            WorldState worldState) {

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(chaincodeName, "chaincodeName");
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(worldState, "worldState");
            if (queryBatchSize < 1) {
                throw new IllegalArgumentException("queryBatchSize must be at least 1");
            }
        }

        /** Defaults: plaintext, {@code mychannel}, {@code marbles}, {@code Org1MSP}, batches of 100, 30 s timeout. */
        public static Options of(String host, int port) {
            return new Options(
                    host,
                    port,
                    TlsOptions.plaintext(),
                    "mychannel",
                    "marbles",
                    "Org1MSP",
                    100,
                    Duration.ofSeconds(30),
                    new WorldState());
        }

        public Options withTls(TlsOptions value) {
            return new Options(host, port, value, channelId, chaincodeName, mspId, queryBatchSize, timeout, worldState);
        }

        public Options withChannelId(String value) {
            return new Options(host, port, tls, value, chaincodeName, mspId, queryBatchSize, timeout, worldState);
        }

        public Options withChaincodeName(String value) {
            return new Options(host, port, tls, channelId, value, mspId, queryBatchSize, timeout, worldState);
        }

        public Options withMspId(String value) {
            return new Options(host, port, tls, channelId, chaincodeName, value, queryBatchSize, timeout, worldState);
        }

        public Options withQueryBatchSize(int value) {
            return new Options(host, port, tls, channelId, chaincodeName, mspId, value, timeout, worldState);
        }

        public Options withTimeout(Duration value) {
            return new Options(host, port, tls, channelId, chaincodeName, mspId, queryBatchSize, value, worldState);
        }

        public Options withWorldState(WorldState value) {
            return new Options(host, port, tls, channelId, chaincodeName, mspId, queryBatchSize, timeout, value);
        }
    }
}
