package dev.weft.fabric.admin.channel;

/** A {@link ChannelProfile} is incomplete or inconsistent; the message names the field and value. */
public class InvalidChannelProfileException extends ChannelConfigException {

    public InvalidChannelProfileException(String message) {
        super(message);
    }
}
