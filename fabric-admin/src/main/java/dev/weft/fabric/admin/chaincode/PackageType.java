package dev.weft.fabric.admin.chaincode;

/** The {@code type} of a chaincode package's {@code metadata.json}, which picks the external builder. */
public enum PackageType {
    /** The built-in chaincode-as-a-service builder of Fabric ≥ 2.4.1. */
    CCAAS("ccaas"),
    /** The older sample builders' type, still served by portable {@code detect}/{@code build}/{@code release}. */
    EXTERNAL("external");

    private final String value;

    PackageType(String value) {
        this.value = value;
    }

    /** The value written to {@code metadata.json}. */
    public String value() {
        return value;
    }
}
