package dev.weft.provisioner.kubernetes.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether a live object already holds everything a desired one says. The API server adds defaults (a Service's
 * {@code clusterIP}, a container's {@code terminationMessagePath}, status), so equality is too strict: the live
 * object must contain every field the desired one sets, with equal values, and lists of the same length whose
 * elements contain the desired elements.
 */
final class LiveState {

    private LiveState() {}

    static boolean contains(JsonNode live, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (live == null || live.isNull() || live.isMissingNode()) {
            // An empty string, list or object the server leaves out means the same as leaving it out.
            return isEmptyValue(desired);
        }
        if (desired.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : desired.properties()) {
                if (!contains(live.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!live.isArray() || live.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(live.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return desired.asText().equals(live.asText()) && desired.isNumber() == live.isNumber();
    }

    private static boolean isEmptyValue(JsonNode node) {
        return (node.isTextual() && node.asText().isEmpty()) || (node.isContainerNode() && node.isEmpty());
    }
}
