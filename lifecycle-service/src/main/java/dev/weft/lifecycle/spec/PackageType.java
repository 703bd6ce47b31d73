package dev.weft.lifecycle.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The {@code metadata.json} type of the package: which builder on the peer claims it. */
public enum PackageType {
    /** Fabric's built-in chaincode-as-a-service builder. */
    CCAAS,
    /** The walkthrough's type, served by Weft's own {@code external} builder scripts. */
    EXTERNAL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PackageType of(String value) {
        for (PackageType type : values()) {
            if (type.value().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown package type '" + value + "' (ccaas or external)");
    }

    /** The same type in fabric-admin's terms. */
    public dev.weft.fabric.admin.chaincode.PackageType toFabric() {
        return this == CCAAS
                ? dev.weft.fabric.admin.chaincode.PackageType.CCAAS
                : dev.weft.fabric.admin.chaincode.PackageType.EXTERNAL;
    }
}
