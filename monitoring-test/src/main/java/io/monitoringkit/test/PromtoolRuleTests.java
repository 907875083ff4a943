package io.monitoringkit.test;

import io.monitoringkit.test.internal.PromtoolRuleTestsExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a directory of promtool rule unit-test files as JUnit 5 tests, one per test group, on the annotated (empty)
 * method: the one-annotation form of {@link PromtoolTests#from(java.nio.file.Path)}, with the same names, semantics
 * and failure text.
 *
 * <pre>{@code
 * class AlertRulesTest {
 *     @PromtoolRuleTests("src/test/rules")
 *     void promtoolTests() {
 *     }
 * }
 * }</pre>
 *
 * <p>The method body runs before each test group (it may stay empty).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(PromtoolRuleTestsExtension.class)
public @interface PromtoolRuleTests {
    /** @return the directory of test files, relative to the working directory (a Maven module's folder) */
    String value();
}
