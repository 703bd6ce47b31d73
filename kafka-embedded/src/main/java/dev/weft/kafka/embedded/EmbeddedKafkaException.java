package dev.weft.kafka.embedded;

/** The embedded Kafka node could not be prepared, started, reached or stopped. */
public final class EmbeddedKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
