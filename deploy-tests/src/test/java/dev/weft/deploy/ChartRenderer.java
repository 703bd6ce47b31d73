package dev.weft.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs Helm (embedded by helm-java) on {@code helm/weft} with a fixed release name and namespace, so that renders
 * are comparable between runs.
 *
 * <pre>{@code
 * RenderedChart defaults = ChartRenderer.chart().render();
 * RenderedChart external = ChartRenderer.chart().values("ci/external-kafka-values.yaml").render();
 * String error = ChartRenderer.chart().set("gateway.replicas", "two").renderError();
 * }</pre>
 */
public final class ChartRenderer {

    /** The release name of every render. */
    public static final String RELEASE = "weft";

    /** The namespace of every render. */
    public static final String NAMESPACE = "weft";

    /** The Kubernetes version renders assume (Helm's own default, 1.20, is older than the chart's kubeVersion). */
    public static final String KUBE_VERSION = "1.32.0";

    private final Path chart = RepositoryFiles.path("helm/weft");
    private final Map<String, Object> sets = new LinkedHashMap<>();
    private Path valuesFile;

    private ChartRenderer() {}

    /** A renderer with the chart's default values. */
    public static ChartRenderer chart() {
        return new ChartRenderer();
    }

    /** {@code helm lint --strict} of the chart with its default values. */
    public static LintResult lintStrict() {
        return new Helm(RepositoryFiles.path("helm/weft")).lint().strict().call();
    }

    /** Adds a values file, relative to the chart folder. */
    public ChartRenderer values(String relativeToChart) {
        this.valuesFile = chart.resolve(relativeToChart);
        return this;
    }

    /** Adds a {@code --set key=value}. */
    public ChartRenderer set(String key, Object value) {
        sets.put(key, value);
        return this;
    }

    /** The raw {@code helm template} output. */
    public String template() {
        TemplateCommand command = new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /** The rendered objects. */
    public RenderedChart render() {
        return RenderedChart.parse(template());
    }

    /**
     * The message of a render that must fail.
     *
     * @throws AssertionError when the render succeeds
     */
    public String renderError() {
        try {
            template();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template succeeded with " + sets + " " + valuesFile);
    }
}
