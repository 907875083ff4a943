package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typical mistakes, each with the message and position Prometheus 3.x reports (1-based line:column; the
 * messages and positions of the 2.x/3.x common ones were checked against promtool 2.42 by hand).
 */
class PromQLParserErrorsTest {

    private static PromQLParseException error(String text) {
        PromQLParseException e = catchThrowableOfType(PromQLParseException.class, () -> PromQL.parse(text));
        assertThat(e).as("parsing %s should fail", text).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            rate(http_requests_total)            | 1:6  | expected type range vector in call to function "rate", got instant vector
            rate(x[5m], 1)                       | 1:1  | expected 1 argument(s) in call to "rate", got 2
            foo(x)                               | 1:1  | unknown function with name "foo"
            RATE(x[5m])                          | 1:1  | unknown function with name "RATE"
            sort_by_label(up, "a")               | 1:1  | function "sort_by_label" is not enabled
            limitk(1, x)                         | 1:1  | limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions
            abs()                                | 1:1  | expected 1 argument(s) in call to "abs", got 0
            hour(a, b)                           | 1:1  | expected at most 1 argument(s) in call to "hour", got 2
            label_join(a)                        | 1:1  | expected at least 3 argument(s) in call to "label_join", got 1
            histogram_quantile(x, y)             | 1:20 | expected type scalar in call to function "histogram_quantile", got instant vector
            scalar("a")                          | 1:8  | expected type instant vector in call to function "scalar", got string
            sum(rate(x[5m])                      | 1:16 | unclosed left parenthesis
            sum(x))                              | 1:8  | unexpected right parenthesis ')'
            1 +                                  | 1:4  | unexpected end of input
            foo bar                              | 1:5  | unexpected identifier "bar"
            sum(foo bar)                         | 1:9  | unexpected identifier "bar" in aggregation
            foo{job="a"                          | 1:12 | unexpected end of input inside braces
            foo{job=a}                           | 1:9  | unexpected identifier "a" in label matching, expected string
            foo{job}                             | 1:8  | unexpected "}" in label matching, expected label matching operator
            foo{,}                               | 1:5  | unexpected "," in label matching, expected identifier or "}"
            foo{job="a" env="b"}                 | 1:13 | unexpected identifier "env" in label matching, expected "," or "}"
            foo{job=="a"}                        | 1:9  | unexpected "=" in label matching, expected string
            foo{job=~"(("}                       | 1:5  | error parsing regexp: missing closing ): `((`
            foo{a:b="c"}                         | 1:6  | unexpected character inside braces: ':'
            {}                                   | 1:1  | vector selector must contain at least one non-empty matcher
            {job=~".*"}                          | 1:1  | vector selector must contain at least one non-empty matcher
            foo{__name__="bar"}                  | 1:1  | metric name must not be set twice: "foo" or "bar"
            foo[5m][5m]                          | 1:8  | ranges only allowed for vector selectors
            (foo)[5m]                            | 1:6  | ranges only allowed for vector selectors
            foo offset 5m [5m]                   | 1:15 | no offset modifiers allowed before range
            foo @ 10 [5m]                        | 1:10 | no @ modifiers allowed before range
            rate(x[5m]) offset 1h                | 1:1  | offset modifier must be preceded by an instant vector selector or range vector selector or a subquery
            sum(x) @ 100                         | 1:1  | @ modifier must be preceded by an instant vector selector or range vector selector or a subquery
            foo offset 1m offset 2m              | 1:1  | offset may not be set multiple times
            foo @ 1 @ 2                          | 1:1  | @ <timestamp> may not be set multiple times
            foo[0s]                              | 1:5  | duration must be greater than 0
            foo[-5m]                             | 1:5  | duration must be greater than 0
            foo[5m:0s]                           | 1:8  | duration must be greater than 0
            foo[5x]                              | 1:5  | bad number or duration syntax: "5"
            foo[5m1h]                            | 1:5  | not a valid duration string: "5m1h"
            foo[5y1hs]                           | 1:5  | unknown unit "hs" in duration "5y1hs"
            foo[]                                | 1:5  | unexpected "]" in subquery or range selector, expected number, duration, step(), or range()
            foo[5m 1m]                           | 1:8  | unexpected duration "1m" in subquery or range, expected ":" or "]"
            foo[5m x]                            | 1:8  | unexpected character: 'x', expected ':'
            foo[5m:1m:1m]                        | 1:10 | unexpected colon ':'
            foo[                                 | 1:5  | unexpected end of input in duration expression
            foo[5m                               | 1:7  | unclosed left bracket
            foo offset                           | 1:11 | unexpected end of input in offset, expected number, duration, step(), or range()
            foo @                                | 1:6  | unexpected end of input in @, expected timestamp
            foo @ end                            | 1:10 | unexpected end of input in @, expected timestamp
            foo @ Inf                            | 1:1  | timestamp out of bounds for @ modifier: +Inf
            1 == 1                               | 1:3  | comparisons between scalars must use BOOL modifier
            1 and 2                              | 1:1  | set operator "and" not allowed in binary scalar expression
            foo or 1                             | 1:1  | set operator "or" not allowed in binary scalar expression
            foo + bool bar                       | 1:5  | bool modifier can only be used on comparison operators
            foo == on(a) 1                       | 1:1  | vector matching only allowed between instant vectors
            foo and on(a) group_left b           | 1:1  | no grouping allowed for "and" operation
            foo + on(a) group_left(a) bar        | 1:5  | label "a" must not occur in ON and GROUP clause at once
            a * group_left b                     | 1:5  | unexpected <group_left>
            a - on(b) ignoring(c) d              | 1:11 | unexpected <ignoring>
            a + on b                             | 1:8  | unexpected identifier "b" in grouping opts, expected "("
            "a" + 1                              | 1:1  | binary expression must contain only scalar and instant vector types
            x + y[5m]                            | 1:5  | binary expression must contain only scalar and instant vector types
            sum(x[5m])                           | 1:5  | expected type instant vector in aggregation expression, got range vector
            topk(x, y)                           | 1:6  | expected type scalar in aggregation parameter, got instant vector
            count_values(1, x)                   | 1:14 | expected type string in aggregation parameter, got scalar
            quantile(x)                          | 1:1  | wrong number of arguments for aggregate expression provided, expected 2, got 1
            sum(a, b)                            | 1:1  | wrong number of arguments for aggregate expression provided, expected 1, got 2
            sum() by (a)                         | 1:1  | no arguments for aggregate expression provided
            sum(x,)                              | 1:6  | trailing commas not allowed in function call args
            sum by (a b) (x)                     | 1:11 | unexpected identifier "b" in grouping opts, expected "," or ")"
            sum by (a,,) (x)                     | 1:11 | unexpected "," in grouping opts, expected label
            sum by (inf) (x)                     | 1:9  | unexpected number "inf" in grouping opts, expected label
            sum by ("") (x)                      | 1:9  | invalid label name for grouping: ""
            sum by x (y)                         | 1:8  | unexpected identifier "x" in grouping opts, expected "("
            sum by (a) x                         | 1:12 | unexpected identifier "x" in aggregation
            sum(x) without (a) by (b)            | 1:20 | unexpected <by>
            sum some_metric by (test)            | 1:5  | unexpected identifier "some_metric"
            -"a"                                 | 1:1  | unary expression only allowed on expressions of type scalar or instant vector, got "string"
            -x[5m]                               | 1:1  | unary expression only allowed on expressions of type scalar or instant vector, got "range vector"
            "a"[5m:]                             | 1:1  | subquery is only allowed on instant vector, got string instead
            x[5m][10m:]                          | 1:1  | subquery is only allowed on instant vector, got matrix instead
            rate(x[5m])[5m]                      | 1:12 | ranges only allowed for vector selectors
            foo{a="b"}}                          | 1:11 | unexpected character: '}'
            foo]                                 | 1:4  | unexpected right bracket ']'
            foo ^^ 2                             | 1:6  | unexpected <op:^>
            *1                                   | 1:1  | unexpected <op:*>
            -=                                   | 1:2  | unexpected "="
            ()                                   | 1:2  | unexpected ")"
            1 =~ 1                               | 1:3  | unexpected character after '=': '~'
            1 !~ 1                               | 1:3  | unexpected character after '!': '~'
            "unterminated                        | 1:1  | unterminated quoted string
            'bad \\q'                            | 1:1  | unknown escape sequence U+0071 'q'
            "\\x4"                               | 1:1  | illegal character U+0022 '"' in escape sequence
            "\\uD800"                            | 1:1  | escape sequence is an invalid Unicode code point
            `unterminated                        | 1:1  | unterminated raw string
            5mm                                  | 1:1  | bad number or duration syntax: "5mm"
            0deadbeef                            | 1:1  | bad number or duration syntax: "0de"
            2.5.                                 | 1:1  | bad number or duration syntax: "2.5."
            1e500                                | 1:1  | error parsing number: strconv.ParseFloat: parsing "1e500": value out of range
            é                                    | 1:1  | unexpected character: 'é'
            foo. bar                             | 1:4  | unexpected character: '.'
            x[1m+1m]                             | 1:3  | experimental duration expression is not enabled
            x offset (1m)                        | 1:11 | experimental duration expression is not enabled
            x anchored                           | 1:1  | anchored modifier is experimental and not enabled
            a + fill(0) b                        | 1:1  | binop fill modifiers are experimental and not enabled
            """)
    void reportsPrometheusMessageAndPosition(String text, String position, String reason) {
        PromQLParseException e = error(text);
        assertThat(e.line() + ":" + e.column() + " " + e.reason()).isEqualTo(position + " " + reason);
        assertThat(e.getMessage()).isEqualTo(position + ": " + reason);
    }

    @Test
    void emptyInputAndCommentOnlyInputHaveNoExpression() {
        assertThat(error("").reason()).isEqualTo("no expression found in input");
        assertThat(error("  # just a comment\n").reason()).isEqualTo("no expression found in input");
    }

    @Test
    void positionsCountLinesAndColumnsFromOne() {
        PromQLParseException e = error("sum by (job) (\n  rate(x[5m])\n  + on foo\n)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.reason()).isEqualTo("unexpected identifier \"foo\" in grouping opts, expected \"(\"");
    }

    @Test
    void unclosedParenthesisIsReportedAtTheEndOfInput() {
        PromQLParseException e = error("sum(\n  rate(x[5m])\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("unclosed left parenthesis");
    }

    @Test
    void syntaxErrorsWinOverTypeErrorsFoundEarlier() {
        // Prometheus type-checks only a syntactically valid expression
        assertThat(error("rate(x) +").reason()).isEqualTo("unexpected end of input");
    }

    @Test
    void errorsFoundWhileBuildingWinOverLaterSyntaxErrors() {
        assertThat(error("foo[0s] +").reason()).isEqualTo("duration must be greater than 0");
    }

    @Test
    void longStringsAreAbbreviatedInUnexpectedTokenMessages() {
        assertThat(error("x \"a long string literal\"").reason())
                .isEqualTo("unexpected string \"\\\"a long st\"...");
    }

    @Test
    void nestingBeyondTheLimitIsAClearError() {
        PromQLParseException e = catchThrowableOfType(PromQLParseException.class,
                () -> PromQL.parse("(".repeat(30) + "1" + ")".repeat(30), ParseOptions.defaults().withMaxDepth(20)));
        assertThat(e.reason()).isEqualTo("expression is nested too deeply (more than 20 levels)");
        assertThat(e.column()).isEqualTo(21);
    }

    @Test
    void operatorChainsLongerThanFourTimesTheLimitAreAClearError() {
        String chain = String.join("+", java.util.Collections.nCopies(50, "x"));
        PromQLParseException e = catchThrowableOfType(PromQLParseException.class,
                () -> PromQL.parse(chain, ParseOptions.defaults().withMaxDepth(10)));
        assertThat(e.reason()).isEqualTo("expression is nested too deeply (more than 40 levels)");
    }
}
