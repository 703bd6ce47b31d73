package dev.weft.chaincode.marbles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What ships beside the code: the CouchDB indexes and the Dockerfile (no Docker engine here to build it). */
class PackagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class CouchDbIndexes {
        private JsonNode index(String file) throws IOException {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/statedb/couchdb/indexes/" + file)) {
                assertThat(in).as(file).isNotNull();
                return JSON.readTree(in);
            }
        }

        @Test
        void owner_index_is_marbles02s() throws IOException {
            JsonNode index = index("indexOwner.json");

            assertThat(index.get("ddoc").asText()).isEqualTo("indexOwnerDoc");
            assertThat(index.get("type").asText()).isEqualTo("json");
            assertThat(index.at("/index/fields").toString()).isEqualTo("[\"docType\",\"owner\"]");
        }

        @Test
        void size_index_sorts_by_size_descending() throws IOException {
            JsonNode index = index("indexSizeSort.json");

            assertThat(index.get("ddoc").asText()).isEqualTo("indexSizeSortDoc");
            assertThat(index.at("/index/fields/0/size").asText()).isEqualTo("desc");
        }
    }

    @Nested
    class Dockerfile {
        private final List<String> lines = read();

        private static List<String> read() {
            try {
                return Files.readAllLines(Path.of("Dockerfile"));
            } catch (IOException e) {
                throw new AssertionError("Dockerfile missing next to pom.xml", e);
            }
        }

        private List<String> instructions(String keyword) {
            return lines.stream().filter(line -> line.startsWith(keyword + " ")).toList();
        }

        @Test
        void has_a_build_stage_and_a_jre_runtime_stage() {
            assertThat(instructions("FROM")).hasSize(2);
            assertThat(instructions("FROM").get(0)).contains("-jdk").endsWith("AS build");
            assertThat(instructions("FROM").get(1)).contains("-jre");
        }

        @Test
        void runs_as_a_numeric_non_root_user() {
            List<String> users = instructions("USER");
            assertThat(users).hasSize(1);
            assertThat(users.get(0)).matches("USER [1-9][0-9]*:[1-9][0-9]*");
        }

        @Test
        void starts_java_in_exec_form_with_the_runner_jar() throws IOException {
            List<String> entrypoints = instructions("ENTRYPOINT");
            assertThat(entrypoints).hasSize(1);
            JsonNode command = JSON.readTree(entrypoints.get(0).substring("ENTRYPOINT ".length()));
            assertThat(command.isArray()).isTrue();
            assertThat(command.get(0).asText()).isEqualTo("java");
            assertThat(command.toString()).contains("\"-jar\",\"/app/marbles.jar\"");
        }

        @Test
        void copies_the_jar_the_build_produces() {
            assertThat(String.join("\n", lines))
                    .contains("chaincode-marbles/target/weft-chaincode-marbles-*-runner.jar");
        }

        @Test
        void names_classes_that_exist() throws ClassNotFoundException {
            Matcher classes = Pattern.compile("dev\\.weft\\.[a-zA-Z.]+").matcher(String.join("\n", lines));
            int found = 0;
            while (classes.find()) {
                Class.forName(classes.group());
                found++;
            }
            assertThat(found).isPositive();
        }
    }
}
