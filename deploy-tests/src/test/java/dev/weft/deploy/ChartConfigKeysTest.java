package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code weft.*} key the chart writes into a service's {@code application.properties} is one the service
 * declares in its {@code @ConfigMapping}: a renamed setting fails here instead of being silently ignored.
 */
class ChartConfigKeysTest {

    @ParameterizedTest(name = "values file {0}")
    @ValueSource(strings = {"values.yaml", "ci/external-kafka-values.yaml", "ci/minimal-values.yaml"})
    void writes_only_settings_the_services_declare(String valuesFile) {
        RenderedChart chart = ChartRenderer.chart().values(valuesFile).render();

        for (String service : List.of("provisioner", "lifecycle", "gateway")) {
            ConfigMappingSource mapping = ConfigMappingSource.forPrefix("weft." + service);
            Properties props = ServiceProperties.of(chart, "weft-" + service);
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("kafka.")) {
                    continue;
                }
                assertThat(mapping.hasKey(key))
                        .as("%s sets %s, which %s does not declare", valuesFile, key, mapping.file())
                        .isTrue();
            }
        }
    }
}
