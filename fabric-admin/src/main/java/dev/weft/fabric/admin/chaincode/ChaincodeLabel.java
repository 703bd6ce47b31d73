package dev.weft.fabric.admin.chaincode;

import java.util.regex.Pattern;

/**
 * Fabric's rule for package labels ({@code core/chaincode/persistence/chaincode_package.go}): {@code
 * ^[[:alnum:]][[:alnum:]_.+-]*$}. The peer rejects a package with any other label at install time, so it is checked
 * here, before anything is sent.
 */
public final class ChaincodeLabel {

    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.+-]*$");

    private ChaincodeLabel() {}

    /** Whether {@code label} is accepted by the peer. */
    public static boolean isValid(String label) {
        return label != null && VALID.matcher(label).matches();
    }

    /**
     * Returns {@code label} or throws when the peer would reject it.
     *
     * <pre>{@code
     * ChaincodeLabel.require("marbles_1.0");   // ok
     * ChaincodeLabel.require("marbles 1.0");   // IllegalArgumentException
     * }</pre>
     */
    public static String require(String label) {
        if (!isValid(label)) {
            throw new IllegalArgumentException("chaincode label '" + label
                    + "' does not match ^[[:alnum:]][[:alnum:]_.+-]*$ (letters, digits, then also _ . + -)");
        }
        return label;
    }
}
