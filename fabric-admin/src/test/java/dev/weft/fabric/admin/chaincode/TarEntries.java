package dev.weft.fabric.admin.chaincode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a {@code .tar.gz} with the JDK's own gzip reader, to check packages from the outside. */
final class TarEntries {

    record Entry(String name, int mode, long mtime, int uid, int gid, char type, byte[] content) {}

    private TarEntries() {}

    static Map<String, Entry> readTarGz(byte[] tgz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            return readTar(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Entry> readTar(byte[] tar) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int offset = 0;
        while (offset + 512 <= tar.length) {
            byte[] header = Arrays.copyOfRange(tar, offset, offset + 512);
            if (Arrays.equals(header, new byte[512])) {
                break;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            int size = (int) octal(header, 124, 12);
            byte[] content = Arrays.copyOfRange(tar, offset + 512, offset + 512 + size);
            entries.put(
                    name,
                    new Entry(
                            name,
                            (int) octal(header, 100, 8),
                            octal(header, 136, 12),
                            (int) octal(header, 108, 8),
                            (int) octal(header, 116, 8),
                            (char) header[156],
                            content));
            offset += 512 + ((size + 511) / 512) * 512;
        }
        return entries;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String value = text(header, offset, length).trim();
        return value.isEmpty() ? 0 : Long.parseLong(value, 8);
    }
}
