package io.monitoringkit.cli;

import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.PromQLPrinter;
import org.junit.jupiter.api.Assumptions;

/** Expected CLI output computed from the library, and a guard for tests that need the real parser. */
final class Parser {
    private Parser() {}

    /** Skips the calling test while monitoring-api's parser is still a stub that rejects everything. */
    static void assumeRealParser() {
        try {
            PromQL.parse("1");
        } catch (PromQLParseException e) {
            Assumptions.abort("the PromQL parser in monitoring-api rejects '1' (" + e.getMessage()
                    + "); CLI tests of valid input run once the parser is merged");
        }
    }

    /** {@code line:col: reason} of the library's error for {@code text}. */
    static PromQLParseException errorOf(String text, ParseOptions options) {
        try {
            PromQL.parse(text, options);
        } catch (PromQLParseException e) {
            return e;
        }
        throw new AssertionError("expected '" + text + "' to be invalid");
    }

    static String compact(String text, ParseOptions options) {
        return PromQLPrinter.compact(PromQL.parse(text, options));
    }
}
