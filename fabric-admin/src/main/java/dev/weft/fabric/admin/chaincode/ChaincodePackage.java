package dev.weft.fabric.admin.chaincode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An installable chaincode package: the {@code .tgz} bytes, its label and its package id.
 *
 * <pre>{@code
 * ChaincodePackage pkg = CcaasPackageBuilder.ccaas("marbles_1.0", ConnectionJson.plaintext("127.0.0.1:9999")).build();
 * Files.write(Path.of("marbles.tgz"), pkg.bytes());
 * String id = pkg.packageId();   // "marbles_1.0:3f1c…"
 * }</pre>
 *
 * @param label the package label
 * @param bytes the {@code .tgz} bytes (not copied: do not change them)
 */
public record ChaincodePackage(String label, byte[] bytes) {

    public ChaincodePackage {
        ChaincodeLabel.require(label);
        Objects.requireNonNull(bytes, "bytes");
    }

    /** {@code label + ":" + hex(sha256(bytes))}, exactly as the peer computes it at install time. */
    public String packageId() {
        return packageId(label, bytes);
    }

    /** The package id of {@code bytes} installed under {@code label}. */
    public static String packageId(String label, byte[] bytes) {
        try {
            return label + ":"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChaincodePackage that
                && label.equals(that.label)
                && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ChaincodePackage[" + packageId() + ", " + bytes.length + " bytes]";
    }
}
