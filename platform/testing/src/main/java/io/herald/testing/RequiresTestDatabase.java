package io.herald.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips a container-test class, with the reason, when the run's database could not be provided (the
 * external server is down). Put it before {@code @ExtendWith(ArquillianExtension.class)} so no
 * container is started for nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestDatabaseCondition.class)
public @interface RequiresTestDatabase {}
