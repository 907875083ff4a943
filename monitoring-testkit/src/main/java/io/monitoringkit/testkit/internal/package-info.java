/**
 * Implementation of monitoring-testkit: process start and stop, output capture, temporary directories and the
 * shutdown hook that kills what is still running. Not API; may change without notice.
 */
package io.monitoringkit.testkit.internal;
