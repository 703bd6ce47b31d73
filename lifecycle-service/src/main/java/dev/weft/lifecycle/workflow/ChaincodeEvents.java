package dev.weft.lifecycle.workflow;

import dev.weft.events.EventData;

/** Where the workflow's progress events go: Kafka topic {@code weft.chaincode} in the service. */
@FunctionalInterface
public interface ChaincodeEvents {

    /** Publishes one event. */
    void emit(EventData event);
}
