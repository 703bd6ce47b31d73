package dev.weft.provisioner.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * Reads and writes specs as YAML or JSON (JSON is read as the YAML subset it is).
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpecs.parse("name: demo\nstateDatabase: leveldb\n");
 * // unknown fields and wrong types fail with field paths:
 * // InvalidSpecException: invalid spec: peerOrgs[0].msp: unknown field; peerOrgs[1].peers: expected an integer
 * NetworkSpec checked = NetworkSpecs.parseValid(text); // parse + SpecValidator
 * }</pre>
 */
public final class NetworkSpecs {

    private NetworkSpecs() {}

    /**
     * Parses a spec and applies its defaults. Every unknown field is reported; a type error stops the parse and is
     * reported with the ones found before it.
     *
     * @throws InvalidSpecException naming each field that is unknown or has the wrong type
     */
    public static NetworkSpec parse(String yamlOrJson) throws InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        ObjectMapper mapper = reader(problems);
        NetworkSpec spec = null;
        try {
            spec = mapper.readValue(yamlOrJson, NetworkSpec.class);
        } catch (JsonMappingException e) {
            problems.add(new SpecProblem(path(e), describe(e)));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            problems.add(new SpecProblem("", "not valid YAML or JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (spec == null && problems.isEmpty()) {
            problems.add(new SpecProblem("", "the document is empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec.withDefaults();
    }

    /**
     * Parses and validates.
     *
     * @throws InvalidSpecException with the parse problems, or else every validation problem
     */
    public static NetworkSpec parseValid(String yamlOrJson) throws InvalidSpecException {
        return SpecValidator.requireValid(parse(yamlOrJson));
    }

    /** The spec as YAML, fields in declaration order, nulls left out. */
    public static String toYaml(NetworkSpec spec) {
        try {
            return writer().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper writer() {
        return new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    }

    private static ObjectMapper reader(List<SpecProblem> problems) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(
                    DeserializationContext ctxt,
                    JsonParser p,
                    JsonDeserializer<?> deserializer,
                    Object beanOrClass,
                    String propertyName)
                    throws IOException {
                // Record and skip, so that every unknown field of the document is reported at once.
                // Where the parser's context stands depends on the value's token and on creator buffering, so
                // the path is cut right after the first mention of the property, or the property is appended.
                String field = fieldPath(path(p.getParsingContext()), propertyName);
                problems.add(new SpecProblem(field, "unknown field"));
                p.skipChildren();
                return true;
            }
        });
        return mapper;
    }

    static String fieldPath(String contextPath, String property) {
        String padded = "." + contextPath + ".";
        int at = padded.indexOf("." + property + ".");
        if (at < 0) {
            at = padded.indexOf("." + property + "[");
        }
        if (at < 0) {
            return contextPath.isEmpty() ? property : contextPath + "." + property;
        }
        return contextPath.substring(0, at + property.length());
    }

    /** {@code peerOrgs[1].mspId} from the parser's context chain. */
    private static String path(JsonStreamContext context) {
        LinkedList<String> parts = new LinkedList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
            return "the document is empty";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == StateDatabase.class) {
            return "one of leveldb, couchdb";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
