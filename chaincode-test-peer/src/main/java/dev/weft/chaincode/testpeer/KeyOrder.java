package dev.weft.chaincode.testpeer;

import java.util.Comparator;

/**
 * Orders keys the way the peer's state database does: by their UTF-8 bytes, which is the same as ordering by Unicode
 * code points. {@link String#compareTo} orders by UTF-16 code units instead and would put supplementary characters
 * (such as the U+10FFFF that ends a partial composite-key range) before characters like U+FFFD.
 */
final class KeyOrder implements Comparator<String> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
