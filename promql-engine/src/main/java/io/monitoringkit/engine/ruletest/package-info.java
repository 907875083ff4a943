/**
 * promtool's rule unit tests, in-process: {@link io.monitoringkit.engine.ruletest.RuleTestFile} reads
 * {@code promtool test rules} files, {@link io.monitoringkit.engine.ruletest.RuleTestRunner} runs them on
 * {@link io.monitoringkit.engine.PromEngine} and {@link io.monitoringkit.engine.rules.RuleEvaluator} with promtool's
 * semantics, and {@link io.monitoringkit.engine.ruletest.RuleTestReport} renders promtool's output.
 *
 * <pre>{@code
 * RuleTestReport report = RuleTestRunner.create().run(List.of(Path.of("alerts.test.yml")));
 * System.out.print(report.render());
 * System.exit(report.exitCode());
 * }</pre>
 */
package io.monitoringkit.engine.ruletest;
