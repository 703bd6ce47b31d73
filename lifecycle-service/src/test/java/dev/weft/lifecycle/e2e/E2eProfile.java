package dev.weft.lifecycle.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Real peers through fabric-admin, real chaincode server processes, a fresh work dir. */
public class E2eProfile implements QuarkusTestProfile {

    /** The work dir of this run (statuses, packages, server folders with PID files). */
    static final String WORK_DIR = "target/e2e/lifecycle-work-" + System.nanoTime();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "weft.lifecycle.work-dir", WORK_DIR,
                "weft.lifecycle.auto-deploy.enabled", "true",
                "weft.lifecycle.timeouts.dial", "5s",
                "weft.lifecycle.timeouts.server-start", "240s");
    }
}
