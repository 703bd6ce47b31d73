package dev.weft.fabric.admin.channel;

import java.util.Locale;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Policy;

/**
 * A policy in channel configuration, written as in {@code configtx.yaml}.
 *
 * <pre>{@code
 * ChannelPolicy admins = ChannelPolicy.implicitMeta("MAJORITY Admins");
 * ChannelPolicy endorsement = ChannelPolicy.signature("OR('Org1MSP.peer')");
 * }</pre>
 */
public sealed interface ChannelPolicy permits ChannelPolicy.ImplicitMeta, ChannelPolicy.Signature {

    /** The {@code common.Policy} proto of this policy. */
    Policy toProto();

    /** {@code Type: ImplicitMeta} with a rule like {@code "ANY Readers"}. */
    static ChannelPolicy implicitMeta(String rule) {
        return ImplicitMeta.parse(rule);
    }

    /** {@code Type: Signature} with a {@link PolicyDsl} rule. */
    static ChannelPolicy signature(String rule) {
        return new Signature(rule);
    }

    /**
     * An implicit meta policy: {@code ANY}, {@code ALL} or {@code MAJORITY} of the sub-policies of that name.
     *
     * @param rule ANY, ALL or MAJORITY
     * @param subPolicy the sub-policy name, e.g. {@code Readers}
     */
    record ImplicitMeta(ImplicitMetaPolicy.Rule rule, String subPolicy) implements ChannelPolicy {
        public ImplicitMeta {
            Objects.requireNonNull(rule, "rule");
            if (subPolicy == null || subPolicy.isBlank()) {
                throw new InvalidChannelProfileException("implicit meta policy without sub-policy");
            }
        }

        static ImplicitMeta parse(String text) {
            String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new InvalidChannelProfileException(
                        "implicit meta policy '" + text + "' must be '<ANY|ALL|MAJORITY> <SubPolicy>'");
            }
            ImplicitMetaPolicy.Rule rule;
            switch (parts[0].toUpperCase(Locale.ROOT)) {
                case "ANY" -> rule = ImplicitMetaPolicy.Rule.ANY;
                case "ALL" -> rule = ImplicitMetaPolicy.Rule.ALL;
                case "MAJORITY" -> rule = ImplicitMetaPolicy.Rule.MAJORITY;
                default ->
                    throw new InvalidChannelProfileException(
                            "implicit meta policy '" + text + "': unknown rule '" + parts[0] + "'");
            }
            return new ImplicitMeta(rule, parts[1]);
        }

        @Override
        public Policy toProto() {
            return Policy.newBuilder()
                    .setType(Policy.PolicyType.IMPLICIT_META_VALUE)
                    .setValue(ImplicitMetaPolicy.newBuilder()
                            .setRule(rule)
                            .setSubPolicy(subPolicy)
                            .build()
                            .toByteString())
                    .build();
        }
    }

    /**
     * A signature policy in {@link PolicyDsl} syntax.
     *
     * @param rule e.g. {@code OR('Org1MSP.admin')}
     */
    record Signature(String rule) implements ChannelPolicy {
        public Signature {
            PolicyDsl.parse(Objects.requireNonNull(rule, "rule"));
        }

        @Override
        public Policy toProto() {
            return Policy.newBuilder()
                    .setType(Policy.PolicyType.SIGNATURE_VALUE)
                    .setValue(PolicyDsl.parse(rule).toByteString())
                    .build();
        }
    }
}
