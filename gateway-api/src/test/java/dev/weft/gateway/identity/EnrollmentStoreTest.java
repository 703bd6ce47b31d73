package dev.weft.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.TestEnrollments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_saved_identity_loads_with_the_same_certificate_and_key() {
        EnrollmentStore store = new EnrollmentStore(dir);
        Enrollment alice = TestEnrollments.selfSigned("caller-alice", 30);

        store.save("callers", alice);
        Enrollment loaded =
                new EnrollmentStore(dir).load("callers", "caller-alice").orElseThrow();

        assertThat(loaded.certificatePem()).isEqualTo(alice.certificatePem());
        assertThat(loaded.privateKey().getEncoded())
                .isEqualTo(alice.privateKey().getEncoded());
    }

    @Test
    void the_key_file_is_readable_by_the_owner_only() throws Exception {
        new EnrollmentStore(dir).save("callers", TestEnrollments.selfSigned("caller-alice", 30));

        Path folder = dir.resolve("callers/caller-alice");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
    }

    @Test
    void saving_again_replaces_the_identity_and_leaves_no_temporary_folder() throws Exception {
        EnrollmentStore store = new EnrollmentStore(dir);
        store.save("callers", TestEnrollments.selfSigned("caller-alice", 30));
        Enrollment renewed = TestEnrollments.selfSigned("caller-alice", 60);

        store.save("callers", renewed);

        assertThat(store.load("callers", "caller-alice").orElseThrow().certificatePem())
                .isEqualTo(renewed.certificatePem());
        try (Stream<Path> files = Files.list(dir.resolve("callers"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("caller-alice");
        }
    }

    @Test
    void an_unknown_or_half_written_identity_is_absent() throws Exception {
        EnrollmentStore store = new EnrollmentStore(dir);
        Files.createDirectories(dir.resolve("callers/caller-bob"));
        Files.writeString(dir.resolve("callers/caller-bob/cert.pem"), "only a certificate");

        assertThat(store.load("callers", "caller-nobody")).isEmpty();
        assertThat(store.load("callers", "caller-bob")).isEmpty();
    }

    @Test
    void the_private_key_is_never_in_the_enrollment_text() {
        Enrollment alice = TestEnrollments.selfSigned("caller-alice", 30);

        assertThat(alice.toString()).contains("caller-alice").doesNotContain("PRIVATE");
    }
}
