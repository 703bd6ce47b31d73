package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The e2e tier's precondition: the binaries in FABRIC_BIN are the Fabric line this suite targets. */
@RequiresFabricBinaries
class FabricBinariesE2eIT {

    @Test
    void peer_and_orderer_are_fabric_2_5() throws IOException, InterruptedException {
        FabricBinaries bin = FabricBinaries.fromEnvironment();

        assertThat(version(bin, "peer")).containsPattern("Version: v?2\\.5\\.");
        assertThat(version(bin, "orderer")).containsPattern("Version: v?2\\.5\\.");
    }

    private static String version(FabricBinaries bin, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(bin.executable(name).toString(), "version")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as(name + " version exits")
                .isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
