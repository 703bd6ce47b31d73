package dev.weft.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an end-to-end test class that needs real Fabric binaries. It runs only in the {@code e2e} Maven profile
 * ({@code ./mvnw -B verify -Pe2e}) with {@code FABRIC_BIN} set; otherwise it is skipped and the reason is printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FabricBinariesCondition.class)
public @interface RequiresFabricBinaries {}
