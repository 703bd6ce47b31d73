package dev.weft.events;

/**
 * The body of a Weft event or command. Each implementation is registered in {@link EventType}, which gives it its
 * CloudEvents {@code type}, its schema version and its topic.
 */
public interface EventData {

    /** The CloudEvents {@code subject}, also the Kafka record key: the network, chaincode or marble name. */
    String subject();
}
