/**
 * {@code mkit}, monitoring-kit's command line. {@link io.monitoringkit.cli.Mkit} is the entry point; each
 * command group is one class registered in {@code Mkit}'s {@code subcommands}.
 *
 * <pre>{@code
 * $ mkit promql format --compact 'sum by (job) (rate(x[5m]))'
 * sum by (job) (rate(x[5m]))
 * }</pre>
 */
package io.monitoringkit.cli;
