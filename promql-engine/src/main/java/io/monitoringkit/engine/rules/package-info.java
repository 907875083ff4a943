/**
 * Rule evaluation on the in-process engine: {@link io.monitoringkit.engine.rules.RuleEvaluator} runs recording and
 * alerting rule groups ({@code io.monitoringkit.rules}) against a {@link io.monitoringkit.engine.PromEngine} with
 * Prometheus 3.x' rule manager semantics, writes recorded series, {@code ALERTS} and {@code ALERTS_FOR_STATE} back
 * into its storage, and keeps each alert's state ({@link io.monitoringkit.engine.rules.Alert},
 * {@link io.monitoringkit.engine.rules.AlertState}).
 *
 * <pre>{@code
 * RuleEvaluator ev = RuleEvaluator.create(engine).addRuleFile(RuleFiles.read(yaml, "api.rules.yml"));
 * ev.evaluate(Instant.ofEpochSecond(600));
 * ev.alerts("HighErrorRate");
 * }</pre>
 */
package io.monitoringkit.engine.rules;
