package dev.weft.provisioner.workflow;

import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a spec's canonical YAML (defaults applied), to tell a re-submission from a changed spec. */
public final class SpecHash {

    private SpecHash() {}

    /** Hex SHA-256 of the spec with defaults applied. */
    public static String of(NetworkSpec spec) {
        try {
            byte[] yaml = NetworkSpecs.toYaml(spec.withDefaults()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
