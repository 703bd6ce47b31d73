package dev.weft.lifecycle.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the chaincode server runs. On Kubernetes {@code image} is used; locally {@code command} when given, otherwise
 * {@code java -jar <jar>}, otherwise the configured default jar (the marbles server).
 *
 * <pre>{@code
 * ServerSpec k8s = ServerSpec.image("ghcr.io/weft/chaincode-marbles:0.1.0");
 * ServerSpec local = ServerSpec.jar("chaincode-marbles/target/weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar");
 * }</pre>
 *
 * @param image the container image (Kubernetes)
 * @param command the command line (local)
 * @param jar a runnable jar (local)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerSpec(String image, List<String> command, String jar) {

    public ServerSpec {
        command = command == null ? null : List.copyOf(command);
    }

    /** A server run from a container image. */
    public static ServerSpec image(String image) {
        return new ServerSpec(image, null, null);
    }

    /** A server run locally with {@code java -jar}. */
    public static ServerSpec jar(String jar) {
        return new ServerSpec(null, null, jar);
    }
}
