package dev.weft.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event and command Weft exchanges: its CloudEvents {@code type}, body class, schema version and topic.
 *
 * <p>The {@code type} is {@code dev.weft.<area>.<name>.v<version>}, e.g. {@code dev.weft.chaincode.committed.v1}. A
 * body change that old consumers cannot read gets a new version (and a new constant); adding an optional field does
 * not, because readers ignore fields they do not know.
 */
public enum EventType {
    NETWORK_REQUESTED("network", "requested", NetworkRequested.class, Topics.NETWORK),
    NETWORK_STEP_PROGRESSED("network", "step-progressed", NetworkStepProgressed.class, Topics.NETWORK),
    NETWORK_READY("network", "ready", NetworkReady.class, Topics.NETWORK),
    NETWORK_FAILED("network", "failed", NetworkFailed.class, Topics.NETWORK),

    CHAINCODE_REQUESTED("chaincode", "requested", ChaincodeRequested.class, Topics.CHAINCODE),
    CHAINCODE_PACKAGED("chaincode", "packaged", ChaincodePackaged.class, Topics.CHAINCODE),
    CHAINCODE_INSTALLED("chaincode", "installed", ChaincodeInstalled.class, Topics.CHAINCODE),
    CHAINCODE_SERVER_STARTED("chaincode", "server-started", ChaincodeServerStarted.class, Topics.CHAINCODE),
    CHAINCODE_APPROVED("chaincode", "approved", ChaincodeApproved.class, Topics.CHAINCODE),
    CHAINCODE_COMMITTED("chaincode", "committed", ChaincodeCommitted.class, Topics.CHAINCODE),
    CHAINCODE_READY("chaincode", "ready", ChaincodeReady.class, Topics.CHAINCODE),
    CHAINCODE_FAILED("chaincode", "failed", ChaincodeFailed.class, Topics.CHAINCODE),
    CHAINCODE_UPGRADED("chaincode", "upgraded", ChaincodeUpgraded.class, Topics.CHAINCODE),

    MARBLE_CREATED("marbles", "created", MarbleCreated.class, Topics.MARBLES_EVENTS),
    MARBLE_TRANSFERRED("marbles", "transferred", MarbleTransferred.class, Topics.MARBLES_EVENTS),
    MARBLE_DELETED("marbles", "deleted", MarbleDeleted.class, Topics.MARBLES_EVENTS),

    PROVISION_NETWORK("network", "provision", ProvisionNetwork.class, Topics.NETWORK_COMMANDS),
    DEPLOY_CHAINCODE("chaincode", "deploy", DeployChaincode.class, Topics.CHAINCODE_COMMANDS);

    /** The schema version of every body defined here. */
    public static final int VERSION = 1;

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private static final Map<Class<? extends EventData>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String area;
    private final String name;
    private final Class<? extends EventData> dataClass;
    private final String topic;

    EventType(String area, String name, Class<? extends EventData> dataClass, String topic) {
        this.area = area;
        this.name = name;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.weft.network.ready.v1}. */
    public String type() {
        return "dev.weft." + area + "." + name + ".v" + VERSION;
    }

    /** The body's schema version. */
    public int version() {
        return VERSION;
    }

    /** The Java record of the body. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The Kafka topic this type is published on. */
    public String topic() {
        return topic;
    }

    /** The type with the given CloudEvents {@code type} string. */
    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The type of a body. */
    public static EventType of(EventData data) {
        return of(data.getClass());
    }

    /** The type of a body class. */
    public static EventType of(Class<? extends EventData> dataClass) {
        EventType type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event body: " + dataClass.getName());
        }
        return type;
    }
}
