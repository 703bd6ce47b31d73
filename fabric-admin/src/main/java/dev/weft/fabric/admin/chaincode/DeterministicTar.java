package dev.weft.fabric.admin.chaincode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A minimal ustar writer whose output depends only on the entries: regular files sorted by name, mode 0644, uid and
 * gid 0, empty owner names, mtime 0, no directory entries, two zero blocks at the end and no padding to a 10 KiB
 * record (as Go's {@code archive/tar} writes it).
 */
final class DeterministicTar {

    private static final int BLOCK = 512;

    private DeterministicTar() {}

    /** The tar bytes of {@code entries} (name → content), sorted by name. */
    static byte[] write(Map<String, byte[]> entries) {
        SortedMap<String, byte[]> sorted = new TreeMap<>(entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
            byte[] content = entry.getValue();
            out.writeBytes(header(entry.getKey(), content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[padding(content.length)]);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static byte[] header(String path, long size) {
        byte[] header = new byte[BLOCK];
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length <= 100) {
            put(header, 0, name);
        } else {
            // ustar splits long paths at a '/' into prefix (155 bytes) and name (100 bytes).
            int split = path.lastIndexOf('/', Math.min(path.length() - 1, 155));
            byte[] prefix = path.substring(0, Math.max(split, 0)).getBytes(StandardCharsets.UTF_8);
            byte[] rest = path.substring(split + 1).getBytes(StandardCharsets.UTF_8);
            if (split <= 0 || prefix.length > 155 || rest.length > 100) {
                throw new IllegalArgumentException("path too long for a ustar entry: " + path);
            }
            put(header, 0, rest);
            put(header, 345, prefix);
        }
        putOctal(header, 100, 8, 0644);
        putOctal(header, 108, 8, 0);
        putOctal(header, 116, 8, 0);
        putOctal(header, 124, 12, size);
        putOctal(header, 136, 12, 0);
        header[156] = '0';
        put(header, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, "00".getBytes(StandardCharsets.US_ASCII));
        // The checksum is computed with its own field filled with spaces, then written as 6 octal digits, NUL, space.
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        putOctal(header, 148, 7, checksum);
        header[155] = ' ';
        return header;
    }

    private static void putOctal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        int width = length - 1;
        if (digits.length() > width) {
            throw new IllegalArgumentException("value too large for a ustar field: " + value);
        }
        String padded = "0".repeat(width - digits.length()) + digits;
        put(header, offset, padded.getBytes(StandardCharsets.US_ASCII));
        header[offset + width] = 0;
    }

    private static void put(byte[] header, int offset, byte[] value) {
        System.arraycopy(value, 0, header, offset, value.length);
    }

    private static int padding(int length) {
        int rest = length % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }
}
