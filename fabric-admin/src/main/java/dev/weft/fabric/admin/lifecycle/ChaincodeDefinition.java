package dev.weft.fabric.admin.lifecycle;

import com.google.protobuf.ByteString;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;

/**
 * A chaincode definition as organizations approve and commit it on a channel.
 *
 * <p>By default the endorsement policy is the channel's {@code /Channel/Application/Endorsement} policy, the plugins
 * are {@code escc}/{@code vscc}, no init is required and there are no private data collections: the same defaults the
 * {@code peer} CLI sends, written out so that a re-run compares equal to what was committed.
 *
 * <pre>{@code
 * ChaincodeDefinition marbles = ChaincodeDefinition.of("marbles", "1.0", 1)
 *         .withSignaturePolicy(PolicyDsl.parse("AND('Org1MSP.peer','Org2MSP.peer')"));
 * }</pre>
 *
 * @param name the chaincode name (namespace)
 * @param version the version label
 * @param sequence the definition sequence, 1 for the first definition
 * @param validationParameter the serialized {@code ApplicationPolicy} (endorsement policy)
 * @param endorsementPlugin the endorsement plugin
 * @param validationPlugin the validation plugin
 * @param initRequired whether {@code Init} must be invoked first
 * @param collections the private data collections
 */
public record ChaincodeDefinition(
        String name,
        String version,
        long sequence,
        ByteString validationParameter,
        String endorsementPlugin,
        String validationPlugin,
        boolean initRequired,
        CollectionConfigPackage collections) {

    /** The channel policy used when no endorsement policy is given. */
    public static final String DEFAULT_ENDORSEMENT_POLICY = "/Channel/Application/Endorsement";

    public ChaincodeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(validationParameter, "validationParameter");
        Objects.requireNonNull(endorsementPlugin, "endorsementPlugin");
        Objects.requireNonNull(validationPlugin, "validationPlugin");
        Objects.requireNonNull(collections, "collections");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
        }
    }

    /** A definition with the defaults described above. */
    public static ChaincodeDefinition of(String name, String version, long sequence) {
        return new ChaincodeDefinition(
                name,
                version,
                sequence,
                channelPolicy(DEFAULT_ENDORSEMENT_POLICY),
                "escc",
                "vscc",
                false,
                CollectionConfigPackage.getDefaultInstance());
    }

    /** The same definition at another sequence. */
    public ChaincodeDefinition withSequence(long newSequence) {
        return new ChaincodeDefinition(
                name,
                version,
                newSequence,
                validationParameter,
                endorsementPlugin,
                validationPlugin,
                initRequired,
                collections);
    }

    /** The same definition with a signature endorsement policy, e.g. from the policy DSL. */
    public ChaincodeDefinition withSignaturePolicy(SignaturePolicyEnvelope policy) {
        return withValidationParameter(ApplicationPolicy.newBuilder()
                .setSignaturePolicy(policy)
                .build()
                .toByteString());
    }

    /** The same definition endorsed by a channel policy, e.g. {@code /Channel/Application/Endorsement}. */
    public ChaincodeDefinition withChannelPolicy(String policyReference) {
        return withValidationParameter(channelPolicy(policyReference));
    }

    /** The same definition with {@code initRequired}. */
    public ChaincodeDefinition withInitRequired(boolean required) {
        return new ChaincodeDefinition(
                name,
                version,
                sequence,
                validationParameter,
                endorsementPlugin,
                validationPlugin,
                required,
                collections);
    }

    /** The same definition with private data collections. */
    public ChaincodeDefinition withCollections(CollectionConfigPackage newCollections) {
        return new ChaincodeDefinition(
                name,
                version,
                sequence,
                validationParameter,
                endorsementPlugin,
                validationPlugin,
                initRequired,
                newCollections);
    }

    /**
     * Whether both definitions have the same parameters, the sequence aside: the comparison the peer makes before it
     * accepts a re-approval of a committed sequence.
     */
    public boolean sameParametersAs(ChaincodeDefinition other) {
        return version.equals(other.version)
                && validationParameter.equals(other.validationParameter)
                && endorsementPlugin.equals(other.endorsementPlugin)
                && validationPlugin.equals(other.validationPlugin)
                && initRequired == other.initRequired
                && collections.toByteString().equals(other.collections.toByteString());
    }

    private ChaincodeDefinition withValidationParameter(ByteString parameter) {
        return new ChaincodeDefinition(
                name, version, sequence, parameter, endorsementPlugin, validationPlugin, initRequired, collections);
    }

    private static ByteString channelPolicy(String reference) {
        return ApplicationPolicy.newBuilder()
                .setChannelConfigPolicyReference(reference)
                .build()
                .toByteString();
    }
}
