package dev.weft.provisioner.workflow;

import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.status.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Submits the network spec found in a file when the service starts, as {@code POST /api/v1/networks} would. The Helm
 * chart mounts its {@code network} values here, so installing the chart is enough to get a network: no client has to
 * call the API, and so no credential has to be handed to one.
 *
 * <p>Safe to run on every start: a network already {@code READY} from the same spec is left alone, one still being
 * provisioned from it is resumed, and a changed spec is provisioned as an update.
 *
 * <pre>{@code
 * weft.provisioner.bootstrap.spec-file=/etc/weft/network/network.json
 * }</pre>
 */
public final class SpecFileBootstrap {

    private static final Logger LOG = Logger.getLogger(SpecFileBootstrap.class);

    /** What a start did with the file. */
    public enum Outcome {
        /** A worker was started (new network, changed spec, or an unfinished or failed one retried). */
        SUBMITTED,
        /** The network is ready from this very spec, or a worker already provisions it. */
        UNCHANGED,
        /** The file could not be read, or the spec is invalid, or the runtime cannot run networks. */
        REJECTED
    }

    /**
     * The result of one start.
     *
     * @param outcome what happened
     * @param detail the network's name, or why the file was rejected
     */
    public record Result(Outcome outcome, String detail) {}

    private final NetworkWorkers workers;

    public SpecFileBootstrap(NetworkWorkers workers) {
        this.workers = workers;
    }

    /** Reads {@code file} and submits its spec unless nothing changed; never throws, the result says what happened. */
    public Result apply(Path file) {
        NetworkSpec spec;
        try {
            spec = NetworkSpecs.parseValid(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return rejected("cannot read the network spec file " + file + ": " + e);
        } catch (InvalidSpecException e) {
            return rejected("the network spec in " + file + " is invalid: " + e.getMessage());
        }
        String name = spec.name();
        Optional<NetworkStatus> status = workers.status(name);
        if (status.isPresent()
                && status.get().phase() == Phase.READY
                && status.get().specHash().equals(SpecHash.of(spec.withDefaults()))) {
            LOG.infof("network %s is ready from the spec in %s; nothing to do", name, file);
            return new Result(Outcome.UNCHANGED, name);
        }
        try {
            NetworkWorkers.Submission submission = workers.submit(spec);
            if (!submission.started()) {
                return new Result(Outcome.UNCHANGED, name);
            }
            LOG.infof("network %s: provisioning the spec in %s", name, file);
            return new Result(Outcome.SUBMITTED, name);
        } catch (RuntimeUnavailableException | NetworkBusyException e) {
            return rejected("network " + name + " from " + file + " cannot be provisioned: " + e.getMessage());
        }
    }

    private static Result rejected(String why) {
        LOG.error(why);
        return new Result(Outcome.REJECTED, why);
    }
}
