package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in {@code values.yaml} is documented: each key that holds a value (not only nested keys) has a
 * {@code # --} comment right above it, or sits inside a map whose key has one (the helm-docs convention: a comment
 * on a map documents the whole object, e.g. {@code resources}).
 */
class ValuesDocumentationTest {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):(.*)$");

    @Test
    void every_value_has_a_doc_comment() {
        List<String> lines =
                RepositoryFiles.read("helm/weft/values.yaml").lines().toList();
        List<String> undocumented = new ArrayList<>();
        int listIndent = -1; // inside a list value (documented as a whole), its items need no comments
        java.util.Deque<int[]> ancestors = new java.util.ArrayDeque<>(); // {indent, documented ? 1 : 0}
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches()) {
                String trimmed = lines.get(i).trim();
                if (trimmed.startsWith("- ") && listIndent < 0) {
                    listIndent = indent(lines.get(i));
                }
                continue;
            }
            int indent = key.group(1).length();
            if (listIndent >= 0 && indent > listIndent) {
                continue;
            }
            listIndent = -1;
            while (!ancestors.isEmpty() && ancestors.peek()[0] >= indent) {
                ancestors.pop();
            }
            boolean covered = ancestors.stream().anyMatch(a -> a[1] == 1);
            boolean documented = documented(lines, i);
            boolean parent = key.group(3).isBlank() && i + 1 < lines.size() && isNestedKey(lines.get(i + 1), indent);
            if (!parent && !documented && !covered) {
                undocumented.add((i + 1) + ": " + lines.get(i).trim());
            }
            ancestors.push(new int[] {indent, documented ? 1 : 0});
        }
        assertThat(undocumented).as("values.yaml keys without a '# --' comment").isEmpty();
    }

    private static boolean isNestedKey(String next, int indent) {
        Matcher m = KEY.matcher(next);
        if (m.matches()) {
            return m.group(1).length() > indent;
        }
        // A comment line, then the nested key: still a parent when the comment is indented deeper.
        return next.trim().startsWith("#") && indent(next) > indent;
    }

    private static boolean documented(List<String> lines, int keyLine) {
        for (int j = keyLine - 1; j >= 0; j--) {
            String line = lines.get(j).trim();
            if (!line.startsWith("#")) {
                return false;
            }
            if (line.startsWith("# --")) {
                return true;
            }
        }
        return false;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
