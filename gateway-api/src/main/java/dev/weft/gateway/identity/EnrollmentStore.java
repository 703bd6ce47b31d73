package dev.weft.gateway.identity;

import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.Pems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Enrolled identities on disk, one folder per enrollment id: {@code <dir>/<kind>/<id>/cert.pem} and
 * {@code key.pem} (mode 0600, folder 0700). A folder is written whole under a temporary name and then renamed, so a
 * crash leaves either the old identity, the new one, or nothing: never a certificate without its key.
 *
 * <pre>{@code
 * EnrollmentStore store = new EnrollmentStore(Path.of("data/caller-identities"));
 * store.save("callers", enrollment);
 * Optional<Enrollment> again = store.load("callers", "caller-alice");
 * }</pre>
 */
public final class EnrollmentStore {

    private static final String CERT = "cert.pem";
    private static final String KEY = "key.pem";
    private static final String TEMPORARY = ".tmp-";

    private final Path root;

    public EnrollmentStore(Path root) {
        this.root = root;
    }

    /** The stored identity, if complete. */
    public Optional<Enrollment> load(String kind, String enrollmentId) {
        Path folder = folder(kind, enrollmentId);
        try {
            byte[] cert = Files.readAllBytes(folder.resolve(CERT));
            byte[] key = Files.readAllBytes(folder.resolve(KEY));
            return Optional.of(Enrollment.of(enrollmentId, cert, Pems.privateKey(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity in " + folder, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the identity in " + folder + " is damaged: " + e.getMessage());
        }
    }

    /** Stores (or replaces) an identity, atomically. */
    public void save(String kind, Enrollment enrollment) {
        Path target = folder(kind, enrollment.enrollmentId());
        Path temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID());
        try {
            Files.createDirectories(
                    target.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path key = Files.createFile(
                    temporary.resolve(KEY),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(key, Pems.privateKey(enrollment.privateKey()));
            Files.write(temporary.resolve(CERT), enrollment.certificatePem());
            replace(temporary, target);
        } catch (IOException e) {
            deleteTree(temporary);
            throw new UncheckedIOException("cannot store the identity " + enrollment.enrollmentId() + " in " + root, e);
        }
    }

    private static void replace(Path temporary, Path target) throws IOException {
        try {
            if (Files.exists(target)) {
                // A folder cannot be renamed over a non-empty one: move the old one aside first. A crash in between
                // leaves no identity, which is enrolled again; never half of one.
                Path old = target.resolveSibling(TEMPORARY + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the identity folder " + target.getParent() + " does not support atomic renames", e);
        }
    }

    private Path folder(String kind, String enrollmentId) {
        if (enrollmentId.isEmpty() || enrollmentId.startsWith(".") || enrollmentId.contains("/")) {
            throw new IllegalArgumentException("not a storable enrollment id: " + enrollmentId);
        }
        return root.resolve(kind).resolve(enrollmentId);
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary folder is never read
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
