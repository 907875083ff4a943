package io.monitoringkit.promql;

import java.util.Optional;

/**
 * What the PromQL test suites share: the parse options they use and whether the parser is there yet.
 *
 * <p>The parser is written in parallel with these suites; until it lands, {@link #unavailableReason()} says so
 * and the suites are skipped loudly instead of failing. Once it has landed the check is a no-op.
 */
final class ParserSupport {

    /** Prometheus 3.x with experimental functions on, as the conformance and law suites need. */
    static final ParseOptions EXPERIMENTAL = ParseOptions.defaults().withExperimentalFunctions(true);

    private ParserSupport() {
    }

    /** @return why the suites cannot run yet, or empty when the parser parses. */
    static Optional<String> unavailableReason() {
        try {
            PromQL.parse("1");
            return Optional.empty();
        } catch (PromQLParseException e) {
            return Optional.of("PromQL parser not available yet (" + e.getMessage() + "): suite skipped");
        }
    }
}
