package dev.weft.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code application.properties} a service's ConfigMap carries.
 *
 * <pre>{@code
 * Properties gateway = ServiceProperties.of(chart, "weft-gateway");
 * gateway.getProperty("weft.gateway.channel");   // "mychannel"
 * }</pre>
 */
final class ServiceProperties {

    private ServiceProperties() {}

    static Properties of(RenderedChart chart, String configMapName) {
        JsonNode text = chart.get("ConfigMap", configMapName).path("data").path("application.properties");
        if (!text.isTextual()) {
            throw new AssertionError("ConfigMap " + configMapName + " has no application.properties");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
