package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.NetworkNaming;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ConfigMap {@value NetworkNaming#EXTERNAL_BUILDER_CONFIG_MAP} holding Weft's {@code external} builder scripts
 * ({@code detect}, {@code build}, {@code release}), which every peer mounts as {@code <builder>/bin}. The scripts
 * are shipped on the classpath under {@value #RESOURCE_DIR}; the local runtime copies the same files.
 */
public final class ExternalBuilderModel {

    /** Classpath folder of the scripts. */
    public static final String RESOURCE_DIR = "/builders/external/bin/";

    /** The scripts, in the order the peer runs them. */
    public static final List<String> SCRIPTS = List.of("detect", "build", "release");

    private ExternalBuilderModel() {}

    /** The ConfigMap for a network's namespace. */
    public static ConfigMap generateConfigMap(NetworkNaming naming) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(NetworkNaming.EXTERNAL_BUILDER_CONFIG_MAP)
                .withNamespace(naming.namespace())
                .withLabels(ModelLabels.shared(
                        naming.spec().name(), NetworkNaming.EXTERNAL_BUILDER_CONFIG_MAP, "chaincode-builder"))
                .endMetadata()
                .withData(scripts())
                .build();
    }

    /** Script name → script text, read from the classpath. */
    public static Map<String, String> scripts() {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : SCRIPTS) {
            try (InputStream in = ExternalBuilderModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("builder script missing from the classpath: " + name);
                }
                scripts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }
}
