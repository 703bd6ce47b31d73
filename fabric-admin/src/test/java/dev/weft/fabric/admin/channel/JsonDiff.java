package dev.weft.fabric.admin.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/** Lists the JSON paths where two documents differ (missing keys, different values, different array lengths). */
final class JsonDiff {

    private JsonDiff() {}

    static void diff(String path, JsonNode left, JsonNode right, List<String> differences) {
        if (left == null || right == null) {
            differences.add(path + (left == null ? " only in configtxgen's block" : " only in ours"));
            return;
        }
        if (left.isObject() && right.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            left.fieldNames().forEachRemaining(keys::add);
            right.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path + "/" + key, left.get(key), right.get(key), differences);
            }
        } else if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                differences.add(path + " has " + left.size() + " vs " + right.size() + " elements");
                return;
            }
            for (int i = 0; i < left.size(); i++) {
                diff(path + "/" + i, left.get(i), right.get(i), differences);
            }
        } else if (!left.equals(right)) {
            differences.add(path);
        }
    }
}
