package dev.weft.provisioner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The ordering organisation: its Raft orderers are named {@code <name>0 .. <name>N-1}.
 *
 * @param name DNS-1123 label, default {@code orderer}
 * @param mspId MSP id, default {@code OrdererMSP}
 * @param orderers number of Raft orderers (1..9), default 3
 * @param ca whether the org runs a Fabric CA, default {@code false}
 * @param localPortBase first local port of the org's block of 100 (local runtime), default {@code local.portBase}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrdererOrgSpec(String name, String mspId, Integer orderers, Boolean ca, Integer localPortBase) {

    /** The walkthrough's ordering org: {@code orderer}, {@code OrdererMSP}, three orderers, no CA. */
    public static OrdererOrgSpec defaults() {
        return new OrdererOrgSpec("orderer", "OrdererMSP", 3, false, null);
    }

    OrdererOrgSpec withDefaults() {
        OrdererOrgSpec d = defaults();
        return new OrdererOrgSpec(
                Objects.requireNonNullElse(name, d.name()),
                Objects.requireNonNullElse(mspId, d.mspId()),
                Objects.requireNonNullElse(orderers, d.orderers()),
                Objects.requireNonNullElse(ca, d.ca()),
                localPortBase);
    }
}
