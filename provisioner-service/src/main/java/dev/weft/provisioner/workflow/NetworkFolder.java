package dev.weft.provisioner.workflow;

import java.nio.file.Path;

/**
 * The files of one network under the work folder. The crypto tree uses cryptogen's layout, so Fabric's own tools
 * can read it.
 *
 * <pre>{@code
 * <work dir>/<network>/status.json          the status (StatusStore)
 * <work dir>/<network>/spec.yaml            the last accepted spec
 * <work dir>/<network>/crypto/...           MSP and TLS material, generated once
 * <work dir>/<network>/channels/<ch>.block  genesis blocks
 * <work dir>/<network>/nodes/<node>/...     local runtime: config, data, node.log, node.pid
 * }</pre>
 *
 * @param root the network's folder
 */
public record NetworkFolder(Path root) {

    public NetworkFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The folder of {@code network} under {@code workDir}. */
    public static NetworkFolder of(Path workDir, String network) {
        return new NetworkFolder(workDir.resolve(network));
    }

    /** The spec file. */
    public Path spec() {
        return root.resolve("spec.yaml");
    }

    /** Root of the crypto tree. */
    public Path crypto() {
        return root.resolve("crypto");
    }

    /** The genesis block of a channel. */
    public Path genesisBlock(String channel) {
        return root.resolve("channels").resolve(channel + ".block");
    }

    /** A local node's folder. */
    public Path node(String nodeName) {
        return root.resolve("nodes").resolve(nodeName);
    }

    /** Folder of the local copies of the chaincode builders. */
    public Path builders() {
        return root.resolve("builders");
    }
}
