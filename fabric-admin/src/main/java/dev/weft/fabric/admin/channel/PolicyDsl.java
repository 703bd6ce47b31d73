package dev.weft.fabric.admin.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * Fabric's signature policy language ({@code common/policydsl}) as used in {@code configtx.yaml} and chaincode
 * endorsement policies.
 *
 * <pre>{@code
 * SignaturePolicyEnvelope both = PolicyDsl.parse("AND('Org1MSP.peer', 'Org2MSP.peer')");
 * SignaturePolicyEnvelope any = PolicyDsl.parse("OR('Org1MSP.admin','Org1MSP.peer','Org1MSP.client')");
 * SignaturePolicyEnvelope two = PolicyDsl.parse("OutOf(2, 'A.member', 'B.member', 'C.member')");
 * }</pre>
 *
 * <p>Same semantics as Fabric's {@code policydsl.FromString}: gates {@code AND}/{@code OR}/{@code OutOf} in the
 * spellings {@code And, and, AND} (likewise for the others); principals {@code '<mspId>.<role>'} with role
 * {@code admin|member|client|peer|orderer} in single or double quotes; every principal occurrence becomes its own
 * identity in order of appearance (Fabric does not deduplicate); {@code OutOf(t, …)} accepts {@code 0 <= t <= n+1}.
 */
public final class PolicyDsl {

    private static final Pattern PRINCIPAL =
            Pattern.compile("^([\\p{Alnum}.-]+)[.](admin|member|client|peer|orderer)$");

    private final String expression;
    private final List<MSPPrincipal> identities = new ArrayList<>();
    private int position;

    private PolicyDsl(String expression) {
        this.expression = expression;
    }

    /** Parses {@code expression} into the envelope Fabric would produce. */
    public static SignaturePolicyEnvelope parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        PolicyDsl parser = new PolicyDsl(expression);
        parser.skipSpaces();
        SignaturePolicy rule = parser.gate();
        parser.skipSpaces();
        if (parser.position != expression.length()) {
            throw parser.error("unexpected trailing text");
        }
        return SignaturePolicyEnvelope.newBuilder()
                .setVersion(0)
                .setRule(rule)
                .addAllIdentities(parser.identities)
                .build();
    }

    private SignaturePolicy gate() {
        int start = position;
        String name = identifier();
        String gate = name.toLowerCase(Locale.ROOT);
        boolean known = (gate.equals("and") || gate.equals("or") || gate.equals("outof"))
                && (name.equals(gate) || name.equals(gate.toUpperCase(Locale.ROOT)) || name.equals(capitalized(gate)));
        if (!known) {
            position = start;
            throw error("unrecognized token '" + name + "' (expected AND, OR or OutOf)");
        }
        expect('(');
        Integer threshold = null;
        if (gate.equals("outof")) {
            threshold = number();
            expect(',');
        }
        List<SignaturePolicy> rules = new ArrayList<>();
        do {
            skipSpaces();
            rules.add(peek() == '\'' || peek() == '"' ? principal() : gate());
            skipSpaces();
        } while (tryConsume(','));
        expect(')');
        int n = rules.size();
        int t = switch (gate) {
            case "and" -> n;
            case "or" -> 1;
            default -> threshold;
        };
        if (t < 0 || t > n + 1) {
            position = start;
            throw error("invalid t-out-of-n predicate, t " + t + ", n " + n);
        }
        return SignaturePolicy.newBuilder()
                .setNOutOf(SignaturePolicy.NOutOf.newBuilder().setN(t).addAllRules(rules))
                .build();
    }

    private SignaturePolicy principal() {
        int start = position;
        char quote = expression.charAt(position++);
        int end = expression.indexOf(quote, position);
        if (end < 0) {
            position = start;
            throw error("unterminated string");
        }
        String text = expression.substring(position, end);
        position = end + 1;
        Matcher matcher = PRINCIPAL.matcher(text);
        if (!matcher.matches()) {
            position = start;
            throw error("error parsing principal " + text + " (expected '<mspId>.<admin|member|client|peer|orderer>')");
        }
        MSPRole role = MSPRole.newBuilder()
                .setMspIdentifier(matcher.group(1))
                .setRole(role(matcher.group(2)))
                .build();
        identities.add(MSPPrincipal.newBuilder()
                .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                .setPrincipal(role.toByteString())
                .build());
        return SignaturePolicy.newBuilder().setSignedBy(identities.size() - 1).build();
    }

    private static MSPRole.MSPRoleType role(String role) {
        return switch (role) {
            case "admin" -> MSPRole.MSPRoleType.ADMIN;
            case "member" -> MSPRole.MSPRoleType.MEMBER;
            case "client" -> MSPRole.MSPRoleType.CLIENT;
            case "peer" -> MSPRole.MSPRoleType.PEER;
            default -> MSPRole.MSPRoleType.ORDERER;
        };
    }

    private String identifier() {
        skipSpaces();
        int start = position;
        while (position < expression.length() && Character.isLetterOrDigit(expression.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error(
                    position < expression.length()
                            ? "unexpected '" + expression.charAt(position) + "'"
                            : "unexpected end");
        }
        return expression.substring(start, position);
    }

    private int number() {
        skipSpaces();
        int start = position;
        while (position < expression.length() && Character.isDigit(expression.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error("expected a number");
        }
        try {
            return Integer.parseInt(expression.substring(start, position));
        } catch (NumberFormatException e) {
            position = start;
            throw error("number out of range");
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (!tryConsume(c)) {
            throw error(
                    position < expression.length()
                            ? "expected '" + c + "' but found '" + expression.charAt(position) + "'"
                            : "expected '" + c + "' but the policy ended");
        }
    }

    private boolean tryConsume(char c) {
        skipSpaces();
        if (position < expression.length() && expression.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return position < expression.length() ? expression.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < expression.length() && Character.isWhitespace(expression.charAt(position))) {
            position++;
        }
    }

    private PolicyDslException error(String problem) {
        return new PolicyDslException(expression, position, problem);
    }

    private static String capitalized(String gate) {
        return gate.equals("outof") ? "OutOf" : Character.toUpperCase(gate.charAt(0)) + gate.substring(1);
    }
}
