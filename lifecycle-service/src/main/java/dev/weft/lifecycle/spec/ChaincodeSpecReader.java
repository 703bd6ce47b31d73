package dev.weft.lifecycle.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a {@link ChaincodeSpec} from JSON, turning a value that does not fit (unknown field, unknown TLS mode, text
 * where a number belongs) into an {@link InvalidSpecException} naming the field, as the validator does.
 *
 * <pre>{@code
 * ChaincodeSpec spec = ChaincodeSpecReader.read(jsonNode);
 * }</pre>
 */
public final class ChaincodeSpecReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ChaincodeSpecReader() {}

    /** The spec in {@code json}. */
    public static ChaincodeSpec read(JsonNode json) {
        if (json == null || json.isNull() || !json.isObject()) {
            throw new InvalidSpecException(List.of(new SpecProblem("", "a chaincode spec must be a JSON object")));
        }
        try {
            return JSON.treeToValue(json, ChaincodeSpec.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            String message = e.getCause() instanceof IllegalArgumentException cause
                    ? cause.getMessage()
                    : e.getOriginalMessage();
            throw new InvalidSpecException(List.of(new SpecProblem(field, message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("", e.getOriginalMessage())));
        }
    }
}
