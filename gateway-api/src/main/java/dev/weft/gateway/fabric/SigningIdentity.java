package dev.weft.gateway.fabric;

import java.util.Objects;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * A Fabric identity and its signer, for calls made as someone other than the org.
 *
 * @param name who this is (an enrollment id), for logs
 * @param identity the MSP id and certificate
 * @param signer signs with the identity's key
 */
public record SigningIdentity(String name, Identity identity, Signer signer) {

    public SigningIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(signer, "signer");
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + name + ", " + identity.getMspId() + "]";
    }
}
