package dev.weft.fabric.admin.channel;

/** Base of every error raised while building channel configuration or a genesis block. */
public class ChannelConfigException extends RuntimeException {

    public ChannelConfigException(String message) {
        super(message);
    }

    public ChannelConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
