/**
 * Test support: {@link io.monitoringkit.alertmanager.test.AlertmanagerServerExtension} runs a real Alertmanager
 * with the configuration under test and captures the notifications it sends. Needs monitoring-testkit and
 * JUnit 5 on the test class path.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AlertmanagerServerExtension AM = AlertmanagerServerExtension.of(config);
 * }</pre>
 */
package io.monitoringkit.alertmanager.test;
