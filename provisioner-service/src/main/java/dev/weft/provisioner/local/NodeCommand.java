package dev.weft.provisioner.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one local node: executable, arguments, environment, its folder and the operations port whose
 * {@code /healthz} tells whether it is up. Built by {@link LocalNodeCommands}; never holds key bytes, only paths.
 *
 * @param node the node name, e.g. {@code org1-peer0}
 * @param executable the Fabric binary
 * @param arguments its arguments
 * @param environment variables added to the service's environment
 * @param folder the node's folder (config, data, {@code node.log}, {@code node.pid})
 * @param operationsPort the operations endpoint port
 */
public record NodeCommand(
        String node,
        Path executable,
        List<String> arguments,
        Map<String, String> environment,
        Path folder,
        int operationsPort) {

    public NodeCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** Executable and arguments. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(executable.toString());
        line.addAll(arguments);
        return line;
    }

    /** Names only the environment's keys: a CA's carries its registrar password. */
    @Override
    public String toString() {
        return "NodeCommand[" + node + ": " + String.join(" ", commandLine()) + ", environment "
                + new java.util.TreeSet<>(environment.keySet()) + "]";
    }

    /** The node's log file. */
    public Path log() {
        return folder.resolve("node.log");
    }
}
