/**
 * Runs the real Prometheus tools in tests: finds {@code prometheus}, {@code promtool}, {@code alertmanager} and
 * {@code amtool} ({@link io.monitoringkit.testkit.ToolLocator}), runs promtool and amtool commands
 * ({@link io.monitoringkit.testkit.Promtool}, {@link io.monitoringkit.testkit.Amtool}) and starts servers on
 * 127.0.0.1 with a free port and a temporary directory ({@link io.monitoringkit.testkit.PrometheusServer},
 * {@link io.monitoringkit.testkit.AlertmanagerServer}), one per test class with
 * {@link io.monitoringkit.testkit.ToolServerExtension}. When a binary is missing the test is skipped through a
 * JUnit assumption whose message says how to install it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ToolServerExtension<PrometheusServer> PROMETHEUS =
 *         ToolServerExtension.of(PrometheusServer.builder().enableAdminApi());
 *
 * @Test
 * void rulesAreValid() {
 *     CommandResult result = Promtool.locate().checkRules(Path.of("rules.yml"));
 *     assertThat(result.exitCode()).as(result.describe()).isZero();
 * }
 * }</pre>
 */
package io.monitoringkit.testkit;
