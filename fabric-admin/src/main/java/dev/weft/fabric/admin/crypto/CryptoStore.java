package dev.weft.fabric.admin.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes crypto material to disk in cryptogen's {@code crypto-config} layout (see {@link CryptoLayout}) and reads it
 * back. Private keys are written with mode {@code 0600}. Nothing that exists is ever replaced: a file that exists with
 * the same certificate or key is left alone, one that differs is a {@link CryptoTreeMismatchException}.
 *
 * <pre>{@code
 * // first run generates, later runs reuse the same keys and add only what the topology gained
 * CryptoMaterial crypto = CryptoStore.loadOrGenerate(Path.of("crypto-config"), Topology.walkthrough());
 * }</pre>
 */
public final class CryptoStore {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private CryptoStore() {}

    /** Writes every file of {@code material} under {@code root}; existing equal files are kept, differing ones fail. */
    public static void writeTo(CryptoMaterial material, Path root) {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(root, "root");
        Set<Path> createdDirectories = new HashSet<>();
        for (Map.Entry<String, byte[]> file : material.files().entrySet()) {
            Path path = root.resolve(file.getKey());
            if (createdDirectories.add(path.getParent())) {
                try {
                    Files.createDirectories(path.getParent());
                } catch (IOException e) {
                    throw new CryptoFileException(path.getParent(), "cannot create folder: " + e.getMessage(), e);
                }
            }
            write(path, file.getValue());
        }
    }

    /** Loads a complete tree; fails with {@link MissingCryptoMaterialException} if anything the topology needs is absent. */
    public static CryptoMaterial load(Path root, Topology topology) {
        return new CryptoGenerator().generate(topology, new DiskMaterial(root, true));
    }

    /** Loads what exists, generates what is missing, writes the missing files and returns the whole material. */
    public static CryptoMaterial loadOrGenerate(Path root, Topology topology) {
        return loadOrGenerate(root, topology, new CryptoGenerator());
    }

    /** As {@link #loadOrGenerate(Path, Topology)}, generating with the given generator. */
    public static CryptoMaterial loadOrGenerate(Path root, Topology topology, CryptoGenerator generator) {
        CryptoMaterial material = generator.generate(topology, new DiskMaterial(root, false));
        writeTo(material, root);
        return material;
    }

    /** Creates the file (keys with mode 0600 from the start), or checks an existing one. */
    private static void write(Path file, byte[] content) {
        boolean key = isKey(file);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes =
                key && supportsPosix(file) ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (FileAlreadyExistsException e) {
            requireEquivalent(file, content, key);
        } catch (IOException e) {
            throw new CryptoFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Certificates and keys are compared by what they encode (another tool may format PEM differently). */
    private static void requireEquivalent(Path file, byte[] wanted, boolean key) {
        byte[] existing;
        try {
            existing = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CryptoFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (Arrays.equals(existing, wanted)) {
            return;
        }
        String name = file.getFileName().toString();
        if (key) {
            if (!Arrays.equals(Pem.parsePrivateKeySafely(existing), Pem.parsePrivateKeySafely(wanted))) {
                throw new CryptoTreeMismatchException(file, "holds a different private key; refusing to replace it");
            }
        } else if (name.endsWith(".pem") || name.endsWith(".crt")) {
            if (!Arrays.equals(Pem.derOrNull(existing, "CERTIFICATE"), Pem.derOrNull(wanted, "CERTIFICATE"))) {
                throw new CryptoTreeMismatchException(file, "holds a different certificate; refusing to replace it");
            }
        }
        // Other files (config.yaml) are kept as they are: they carry no identity.
    }

    static boolean isKey(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("_sk") || name.endsWith(".key");
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
