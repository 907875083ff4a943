/** Implementation of the rule test runner: YAML decoding, Go renderings and globs, the per-test-group run. */
package io.monitoringkit.engine.ruletest.internal;
