package dev.weft.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link RequiresFabricBinaries} tests only when the e2e tier was asked for and the binaries are usable.
 *
 * <p>The reason for a skip is printed as well as reported to JUnit: Maven's summary shows only a count of skipped
 * tests, and a silent skip of the whole tier is how broken e2e set-ups go unnoticed.
 */
public final class FabricBinariesCondition implements ExecutionCondition {

    /** System property set by the {@code e2e} Maven profile. */
    public static final String E2E_PROPERTY = "weft.e2e";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(System.getProperty(E2E_PROPERTY), System.getenv());
        if (result.isDisabled() && context.getTestMethod().isEmpty()) {
            System.out.printf(
                    "[e2e] skipped %s: %s%n",
                    context.getDisplayName(), result.getReason().orElse(""));
        }
        return result;
    }

    static ConditionEvaluationResult evaluate(String e2eProperty, Map<String, String> environment) {
        if (!"true".equals(e2eProperty)) {
            return ConditionEvaluationResult.disabled(
                    "the e2e tier runs only with the e2e profile: ./mvnw -B verify -Pe2e (and FABRIC_BIN set)");
        }
        return FabricBinaries.from(environment)
                .problem()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Fabric binaries found in " + FabricBinaries.ENV));
    }
}
