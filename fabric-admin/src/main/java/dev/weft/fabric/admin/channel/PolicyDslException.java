package dev.weft.fabric.admin.channel;

/** A signature policy expression such as {@code AND('Org1MSP.peer','Org2MSP.peer')} cannot be parsed. */
public class PolicyDslException extends ChannelConfigException {

    private final String expression;
    private final int position;

    public PolicyDslException(String expression, int position, String problem) {
        super(problem + " at position " + position + " in policy \"" + expression + "\"");
        this.expression = expression;
        this.position = position;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** The zero-based character position of the problem. */
    public int position() {
        return position;
    }
}
