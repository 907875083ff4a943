package io.monitoringkit.exposition;

import static io.monitoringkit.exposition.ExpositionFormat.OPENMETRICS;
import static io.monitoringkit.exposition.ExpositionFormat.PROMETHEUS_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A corpus of malformed expositions, each with the position and message of its error pinned. */
class MalformedExpositionsTest {

    record Case(ExpositionFormat format, byte[] input, int line, int column, String reason) {
        @Override
        public String toString() {
            return format + " " + new String(input, StandardCharsets.UTF_8).replace("\n", "⏎");
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void text(String input, int line, int column, String reason) {
        CASES.add(new Case(PROMETHEUS_TEXT, input.getBytes(StandardCharsets.UTF_8), line, column, reason));
    }

    private static void om(String input, int line, int column, String reason) {
        CASES.add(new Case(OPENMETRICS, input.getBytes(StandardCharsets.UTF_8), line, column, reason));
    }

    static {
        // ---- text format 0.0.4
        text("up{job=} 1\n", 1, 8, "expected '\"' to start the value of label \"job\", got '}'");
        text("up{job=\"a} 1\n", 1, 13, "expected '\"' to end the value of label \"job\", got the end of the line");
        text("up{job=\"a\\t\"} 1\n", 1, 10,
                "invalid escape sequence '\\t' in the value of label \"job\"; expected \\\\, \\\" or \\n");
        text("up{job=\"a\",job=\"b\"} 1\n", 1, 12, "duplicate label \"job\" in \"up\"");
        text("up{__name__=\"x\"} 1\n", 1, 4, "label name \"__name__\" is reserved");
        text("up 1 2 3\n", 1, 7, "unexpected \" 3\" after the timestamp");
        text("up 1 1.5\n", 1, 6, "expected an integer timestamp in milliseconds, got \"1.5\"");
        text("up 0x1p3\n", 1, 4, "expected a float value, got \"0x1p3\"");
        text("up +NaN\n", 1, 4, "expected a float value, got \"+NaN\"");
        text("up\n", 1, 3, "expected a float value, got the end of the line");
        text("1up 1\n", 1, 1, "expected a metric name, got '1'");
        text("up{1a=\"b\"} 1\n", 1, 4, "expected a label name or '}', got '1'");
        text("up{a=\"b\" c=\"d\"} 1\n", 1, 10, "expected ',' or '}' after the value of label \"a\", got 'c'");
        text("up{a \"b\"} 1\n", 1, 6, "expected '=' after label name \"a\", got '\"'");
        text("# TYPE up gaugee\n", 1, 11,
                "unknown metric type \"gaugee\"; expected counter, gauge, histogram, summary or untyped");
        text("up 1\n# TYPE up gauge\n", 2, 8, "second TYPE line for metric \"up\", or TYPE after its samples");
        text("# HELP up a\n# HELP up b\n", 2, 8, "second HELP line for metric \"up\"");
        text("# TYPE up gauge\n# TYPE up counter\n", 2, 8,
                "second TYPE line for metric \"up\", or TYPE after its samples");
        text("# HELP up a\\x\n", 1, 12, "invalid escape sequence '\\x' in HELP text; expected \\\\ or \\n");
        text("# TYPE foo histogram\nfoo_bucket{le=\"x\"} 1\n", 2, 11,
                "expected a float as the value of label \"le\" of \"foo_bucket\", got \"x\"");
        text("# TYPE foo summary\nfoo{quantile=\"high\"} 1\n", 2, 4,
                "expected a float as the value of label \"quantile\" of \"foo\", got \"high\"");
        text("up 1e400\n", 1, 4, "value \"1e400\" is out of the range of a 64-bit float");
        text("up 1 99999999999999999999\n", 1, 6,
                "timestamp \"99999999999999999999\" is out of the range of a 64-bit integer");
        CASES.add(new Case(PROMETHEUS_TEXT, "up{a=\"\u00ff\"} 1\n".getBytes(StandardCharsets.ISO_8859_1), 1, 7,
                "the value of label \"a\" is not valid UTF-8"));
        text("# HELP foo-bar x\n", 1, 11, "expected a blank after the metric name in \"# HELP\", got '-'");
        text("up{a=\"b\"}\t\n", 1, 11, "expected a float value, got the end of the line");
        text("up{a=\"b\"\n", 1, 9, "expected ',' or '}' after the value of label \"a\", got the end of the line");
        text("up{\n", 1, 4, "expected a label name or '}', got the end of the line");
        text("up{a=\"b\\\n", 1, 8, "expected an escape sequence after '\\', got the end of the line");
        text("up NaNx\n", 1, 4, "expected a float value, got \"NaNx\"");
        text("ok 1\nüp 1\n", 2, 1, "expected a metric name, got 'ü'");
        text("up{a=\"ü\",b=\"\\ü\"} 1\n", 2 - 1, 13,
                "invalid escape sequence '\\ü' in the value of label \"b\"; expected \\\\, \\\" or \\n");
        text("up 1\r\n", 1, 4, "expected a float value, got \"1\r\"");
        text("up 1\nup 2", 2, 5, "unexpected end of input; the last line must end with a line feed");
        text("up 1 \n", 1, 6, "expected an integer timestamp in milliseconds after the blank, got the end of the line");

        // ---- OpenMetrics 1.0
        om("up 1\n", 2, 1, "expected \"# EOF\" as the last line");
        om("# EOF\nup 1\n", 2, 1, "unexpected content after \"# EOF\", which must be the last line");
        om("\n# EOF\n", 1, 1, "blank lines are not allowed in OpenMetrics");
        om("# random comment\n# EOF\n", 1, 3,
                "expected HELP, TYPE, UNIT or EOF after '# ' (OpenMetrics has no other comments), got \"random\"");
        om("up  1\n# EOF\n", 1, 4, "expected a float value, got ' '");
        om("up{a=\"b\",} 1\n# EOF\n", 1, 10, "expected a label name after ',', got '}'");
        om("up{a = \"b\"} 1\n# EOF\n", 1, 5, "expected '=' after label name \"a\", got ' '");
        om("# TYPE foo counter\nfoo 1\n# EOF\n", 2, 1,
                "sample \"foo\" does not fit counter family \"foo\"; expected foo_total or foo_created");
        om("# TYPE foo_total counter\nfoo_total 1\n# EOF\n", 2, 1, "sample \"foo_total\" does not fit counter "
                + "family \"foo_total\"; expected foo_total_total or foo_total_created");
        om("# TYPE foo gauge\nfoo 1\n# TYPE bar gauge\nbar 1\nfoo 2\n# EOF\n", 5, 1,
                "family \"foo\" appears again; a family's lines must be contiguous");
        om("# TYPE foo histogram\nfoo_bucket 1\n# EOF\n", 2, 11, "sample \"foo_bucket\" needs a \"le\" label");
        om("# TYPE foo gauge\nfoo 1 # {a=\"b\"} 1\n# EOF\n", 2, 7, "exemplars are allowed only on counter _total "
                + "and histogram _bucket samples, not on gauge sample \"foo\"");
        om("# TYPE foo counter\nfoo_total 1 # {trace_id=\"" + "x".repeat(130) + "\"} 1\n# EOF\n", 2, 15,
                "exemplar labels have 138 characters; OpenMetrics allows at most 128");
        om("# TYPE foo counter\nfoo_total 1 #{a=\"b\"} 1\n# EOF\n", 2, 13,
                "expected \"# \" to start an exemplar, got '#'");
        om("# TYPE foo counter\nfoo_total 1 # a 1\n# EOF\n", 2, 15,
                "expected '{' to start the exemplar's labels, got 'a'");
        om("# UNIT foo_seconds milliseconds\n# EOF\n", 1, 20, "unit \"milliseconds\" is not a suffix of family "
                + "name \"foo_seconds\" (expected \"foo_seconds_milliseconds\" or a matching name)");
        om("# TYPE foo untyped\n# EOF\n", 1, 12, "unknown metric type \"untyped\"; expected counter, gauge, "
                + "histogram, gaugehistogram, summary, info, stateset or unknown");
        om("# TYPE foo gauge\n# TYPE foo gauge\n# EOF\n", 2, 8, "second TYPE line for family \"foo\"");
        om("# TYPE foo gauge\nfoo 1\n# HELP foo x\n# EOF\n", 3, 8,
                "# HELP for family \"foo\" must come before its samples");
        om("up 1 NaN\n# EOF\n", 1, 6, "a timestamp must be finite, got \"NaN\"");
        om("# TYPE foo stateset\nfoo{a=\"b\"} 1\n# EOF\n", 2, 4,
                "stateset sample \"foo\" needs a label named after its family, \"foo\"");
        om("# TYPE foo summary\nfoo 1\n# EOF\n", 2, 4, "sample \"foo\" needs a \"quantile\" label");
        om("up 1 2 3\n# EOF\n", 1, 8, "expected \"# \" to start an exemplar, got '3'");
        om("up 1", 1, 5, "expected a line feed at the end of the line");
        om("#  EOF\n", 1, 3,
                "expected HELP, TYPE, UNIT or EOF after '# ' (OpenMetrics has no other comments), got \"\"");
        om("# EOF \n", 1, 6, "expected the end of the line after \"# EOF\", got ' '");
        om("# TYPE foo counter\nfoo_total 1 # {a=\"b\"} 1 x\n# EOF\n", 2, 25,
                "expected an exemplar timestamp (seconds), got \"x\"");
        om("# TYPE foo histogram\nfoo_bucket{le=\"1\"} 1\nfoo_count 1\n# TYPE bar gauge\nbar 1\nfoo_sum 1\n# EOF\n",
                6, 1, "sample \"foo_sum\" belongs to family \"foo\", which ended before; a family's lines must be "
                        + "contiguous");
        om("#TYPE foo gauge\n# EOF\n", 1, 2, "expected ' ' after '#', got 'T'");
        om("up\t1\n# EOF\n", 1, 3, "expected ' ' before the value, got a tab");
        om("# TYPE foo info\nfoo 1\n# EOF\n", 2, 1, "sample \"foo\" does not fit info family \"foo\"; expected foo_info");
        om("# HELP foo a \\t\n# EOF\n", 1, 14,
                "invalid escape sequence '\\t' in HELP text; expected \\\\, \\\" or \\n");
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsPositionAndReason(Case c) {
        ExpositionParseException e = catchThrowableOfType(ExpositionParseException.class,
                () -> ExpositionParser.parse(c.input(), c.format()));
        assertThat(e).as("parse error of %s", c).isNotNull();
        assertThat(e.line() + ":" + e.column() + " " + e.reason()).isEqualTo(c.line() + ":" + c.column() + " "
                + c.reason());
        assertThat(e.getMessage()).isEqualTo("line " + c.line() + ", column " + c.column() + ": " + c.reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamingReportsTheSameError(Case c) throws Exception {
        ExpositionParseException e = catchThrowableOfType(ExpositionParseException.class,
                () -> ExpositionParser.stream(new java.io.ByteArrayInputStream(c.input()), c.format(), s -> { }));
        assertThat(e).isNotNull();
        assertThat(e.line() + ":" + e.column() + " " + e.reason()).isEqualTo(c.line() + ":" + c.column() + " "
                + c.reason());
    }

    @org.junit.jupiter.api.Test
    void corpusIsLargeEnough() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    }
}
