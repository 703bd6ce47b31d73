package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code weft.*} key the chart writes into a service's {@code application.properties} is one the service
 * declares in its {@code @ConfigMapping} (or, for {@code weft.security.*}, service-common's): a renamed setting fails
 * here instead of being silently ignored.
 */
class ChartConfigKeysTest {

    @ParameterizedTest(name = "values file {0}")
    @ValueSource(strings = {"values.yaml", "ci/external-kafka-values.yaml", "ci/minimal-values.yaml"})
    void writes_only_settings_the_services_declare(String valuesFile) {
        RenderedChart chart = ChartRenderer.chart().values(valuesFile).render();

        ConfigMappingSource security = ConfigMappingSource.forPrefix("weft.security");
        for (String service : List.of("provisioner", "lifecycle", "gateway")) {
            ConfigMappingSource own = ConfigMappingSource.forPrefix("weft." + service);
            Properties props = ServiceProperties.of(chart, "weft-" + service);
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("kafka.")) {
                    continue;
                }
                // Authentication is the same in every service: service-common's SecurityConfig declares it.
                ConfigMappingSource mapping = key.startsWith("weft.security.") ? security : own;
                assertThat(mapping.hasKey(key))
                        .as("%s sets %s, which %s does not declare", valuesFile, key, mapping.file())
                        .isTrue();
            }
        }
    }
}
