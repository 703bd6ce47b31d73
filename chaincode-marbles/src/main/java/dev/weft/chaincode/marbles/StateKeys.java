package dev.weft.chaincode.marbles;

/**
 * The composite-key indexes kept next to each marble. Both map to the one-byte value {@code 0x00}: only the key
 * matters, and an empty value would be a delete.
 */
final class StateKeys {

    /** marbles02's index, used by {@code transferMarblesBasedOnColor}. */
    static final String COLOR_NAME = "color~name";

    /** Added here so that {@code queryMarblesByOwner} works on LevelDB too, without a rich query. */
    static final String OWNER_NAME = "owner~name";

    /** The value of an index entry. */
    static final byte[] INDEX_VALUE = {0x00};

    private StateKeys() {}
}
