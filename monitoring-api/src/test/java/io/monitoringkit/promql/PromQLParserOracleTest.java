package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same verdict and, for invalid expressions, the same {@code line:column: message} as the real promtool
 * ({@code promtool check rules}, one run for all expressions). The expressions avoid what differs between
 * Prometheus 2.x (the installed oracle) and 3.x: numbers as durations, UTF-8 names, experimental functions,
 * duration expressions, the offset error's wording and the lexing of an unfinished {@code [}.
 */
class PromQLParserOracleTest {

    private static final List<String> EXPRESSIONS = List.of(
            // valid
            "up",
            "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / on (job) group_left (team) owner",
            "histogram_quantile(0.99, sum without (pod) (rate(x_bucket[5m] offset -1h)))",
            "max_over_time(deriv(x[5m])[1h:1m] @ end()) > bool 0.5",
            "-x ^ 2 + 1 - (y % 3) atan2 z unless w or v and u",
            "topk(3, count_values(\"v\", {__name__=~\"a|b\"}))",
            "label_replace(up, 'dst', `$1`, \"src\", \"(.*)\")",
            "0x1f * 1e3 - .5 + Inf - NaN + 017",
            "sum(x) by (a,) # comment",
            "x offset 5m @ 100",
            "x @ 100 offset 5m",
            "foo{a=\"b\",}",
            "sum",
            "by + offset",
            "quantile without (a) (0.9, x)",
            "round(x, 5) + day_of_week() + time()",
            "1 < bool 2",
            "absent(nonexistent{job=\"x\"})",
            // invalid
            "rate(http_requests_total)",
            "rate(x[5m], 1)",
            "foo(x)",
            "sum(rate(x[5m])",
            "sum(x))",
            "1 +",
            "foo bar",
            "sum(foo bar)",
            "count(sum(x) by (a) by (b))",
            "foo{job=\"a\"",
            "foo{job=a}",
            "foo{job}",
            "foo{,}",
            "foo{job=\"a\" env=\"b\"}",
            "{}",
            "{job=~\".*\"}",
            "foo{__name__=\"bar\"}",
            "foo[5m][5m]",
            "(foo)[5m]",
            "rate(x[5m]) offset 1h",
            "foo offset 1m offset 2m",
            "foo @ 1 @ 2",
            "foo[0s]",
            "foo[5m1h]",
            "foo[5m:1m 2m]",
            "foo[5m:1m:1m]",
            "foo[5m",
            "foo @",
            "x @ start",
            "foo @ Inf",
            "1 == 1",
            "1 and 2",
            "foo + bool bar",
            "foo and on(a) group_left b",
            "foo + on(a) group_left(a) bar",
            "\"a\" + 1",
            "sum(x[5m])",
            "topk(x, y)",
            "count_values(1, x)",
            "quantile(x)",
            "sum() by (a)",
            "abs(x,)",
            "sum by (a b) (x)",
            "sum without(a,(x)",
            "sum by x (y)",
            "sum(x) without (a) by (b)",
            "-\"a\"",
            "\"a\"[5m:]",
            "x[5m:1m] @ 1 [1m:]",
            "foo{a=\"b\"}}",
            "foo]",
            "foo ^^ 2",
            "a * group_left b",
            "\"unterminated",
            "'bad \\q'",
            "`unterminated",
            "5mm",
            "1e500",
            "é",
            "x{a!}",
            "foo\n  + \n  bar)",
            "label_join(a)",
            "x @ 1e20");

    private static final Pattern FAILURE = Pattern.compile(
            "rule (\\d+), \"r\\d+\": could not parse expression: (\\d+:\\d+): parse error: (.*)");

    @Test
    void verdictsAndMessagesMatchPromtool(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate();
        StringBuilder yaml = new StringBuilder("groups:\n- name: g\n  rules:\n");
        for (int i = 0; i < EXPRESSIONS.size(); i++) {
            yaml.append("  - record: r").append(i).append('\n')
                    .append("    expr: ").append(GoStrings.quote(EXPRESSIONS.get(i))).append('\n');
        }
        Path rules = Files.writeString(dir.resolve("rules.yml"), yaml);
        CommandResult result = promtool.checkRules(rules);

        Map<Integer, String> theirs = new HashMap<>();
        Matcher m = FAILURE.matcher(result.output());
        while (m.find()) {
            theirs.put(Integer.parseInt(m.group(1)) - 1, m.group(2) + ": " + m.group(3));
        }
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < EXPRESSIONS.size(); i++) {
            String ours;
            try {
                PromQL.parse(EXPRESSIONS.get(i));
                ours = "valid";
            } catch (PromQLParseException e) {
                ours = e.getMessage();
            }
            String want = theirs.getOrDefault(i, "valid");
            if (!ours.equals(want)) {
                disagreements.add(EXPRESSIONS.get(i) + "\n    ours:     " + ours + "\n    promtool: " + want);
            }
        }
        assertThat(theirs).as(result.describe()).isNotEmpty();
        assertThat(disagreements).as("promtool %s", promtool.version()).isEmpty();
    }
}
