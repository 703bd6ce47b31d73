package dev.weft.fabric.admin.chaincode;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * A gzip writer whose bytes depend only on the input, on every machine and Java version.
 *
 * <p>Why not {@link java.util.zip.GZIPOutputStream}: its header's OS byte changed between Java versions (0 before
 * Java 16, 255 after), and its compressed bytes come from whatever zlib the runtime links (zlib, zlib-ng and the
 * vendor forks emit different, equally valid streams). The package id is the SHA-256 of these bytes, so both would
 * make the id depend on the machine. This writer uses DEFLATE "stored" blocks (no compression; chaincode-as-a-service
 * packages are a few KiB), mtime 0, no flags, XFL 0 and OS 255 ("unknown").
 */
final class DeterministicGzip {

    private static final int MAX_STORED_BLOCK = 65_535;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private DeterministicGzip() {}

    /** The gzip member holding {@code data}. */
    static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / MAX_STORED_BLOCK * 5 + 32);
        out.writeBytes(HEADER);
        int offset = 0;
        do {
            int length = Math.min(MAX_STORED_BLOCK, data.length - offset);
            boolean last = offset + length == data.length;
            out.write(last ? 1 : 0); // BFINAL bit, BTYPE 00 (stored); the rest of the byte is padding
            writeShort(out, length);
            writeShort(out, ~length & 0xffff);
            out.write(data, offset, length);
            offset += length;
        } while (offset < data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        writeInt(out, crc.getValue());
        writeInt(out, data.length & 0xffffffffL);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        writeShort(out, (int) (value & 0xffff));
        writeShort(out, (int) ((value >>> 16) & 0xffff));
    }
}
