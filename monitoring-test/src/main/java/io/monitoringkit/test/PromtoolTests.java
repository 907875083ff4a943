package io.monitoringkit.test;

import io.monitoringkit.test.internal.PromtoolCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * promtool rule unit-test files ({@code promtool test rules}) as JUnit 5 dynamic tests, one per test group, run
 * in-process on promql-engine with promtool's semantics. A failing test shows promtool's failure text.
 *
 * <pre>{@code
 * class AlertRulesTest {
 *     @TestFactory
 *     Stream<DynamicTest> promtoolTests() {
 *         return PromtoolTests.from(Path.of("src/test/rules"));
 *     }
 * }
 * }</pre>
 *
 * <p>Tests are named {@code FILE › NAME} ({@code FILE › tests[i]} for a group without a name), with the file as
 * their source. Each file runs once, when its first test runs; rule files are read relative to the test file, as
 * promtool reads them. A file that cannot be read becomes one failing test listing its problems. The same with one
 * annotation: {@link PromtoolRuleTests}.
 */
public final class PromtoolTests {
    private PromtoolTests() {
    }

    /**
     * @param directory searched recursively for {@code .yml}/{@code .yaml} files with a top-level {@code tests:} or
     *     {@code rule_files:} key; the rule files next to them are not test files
     * @return one dynamic test per test group, files in path order
     * @throws IllegalArgumentException when {@code directory} is not a directory or holds no test file
     */
    public static Stream<DynamicTest> from(Path directory) {
        return toTests(PromtoolCases.find(Objects.requireNonNull(directory, "directory")));
    }

    /**
     * @param files promtool rule test files
     * @return one dynamic test per test group, files in the order given
     */
    public static Stream<DynamicTest> files(Path... files) {
        return toTests(PromtoolCases.of(List.of(files)));
    }

    private static Stream<DynamicTest> toTests(List<PromtoolCases.Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), c.source(), c::run));
    }
}
