package io.monitoringkit.template;

import io.monitoringkit.model.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TemplatesTest {

    private static final TemplateData DATA = TemplateData.forAlert(
                    Labels.of("job", "api", "instance", "host-1.example.com:9090"), 1234.5678)
            .externalLabels(Labels.of("cluster", "eu1"))
            .externalUrl("https://prom.example.com/prometheus")
            .evaluationTime(Instant.ofEpochSecond(1_700_000_000, 500_000_000))
            .queryFunction((expr, time) -> switch (expr) {
                case "up" -> List.of(
                        new TemplateSample(Labels.of("__name__", "up", "job", "b"), 1),
                        new TemplateSample(Labels.of("__name__", "up", "job", "a"), 0));
                case "none" -> List.of();
                default -> throw new IllegalArgumentException("query failed: " + expr);
            });

    private static String render(String text) {
        return Templates.parse("summary", text).render(DATA);
    }

    // ---- parsing errors, worded as Go's

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                arguments("{{ $labels.job }", 1, "unexpected \"}\" in operand"),
                arguments("{{ foo }}", 1, "function \"foo\" not defined"),
                arguments("{{ $x }}", 1, "undefined variable \"$x\""),
                arguments("{{ if }}{{ end }}", 1, "missing value for if"),
                arguments("{{ end }}", 1, "unexpected {{end}}"),
                arguments("{{ else }}", 1, "unexpected {{else}}"),
                arguments("{{ if true }}x", 1, "unexpected EOF"),
                arguments("{{ .Labels", 1, "unclosed action"),
                arguments("{{ break }}", 1, "{{break}} outside {{range}}"),
                arguments("{{ range . }}{{ else }}{{ continue }}{{ end }}", 1, "{{continue}} outside {{range}}"),
                arguments("{{ \"abc }}", 1, "unterminated quoted string"),
                arguments("{{ `abc }}", 1, "unterminated raw quoted string"),
                arguments("{{ 1 | 2 }}", 1, "non executable command in pipeline stage 2"),
                arguments("{{ (1 }}", 1, "unclosed left paren"),
                arguments("{{ 1) }}", 1, "unexpected right paren"),
                arguments("{{ 3x }}", 1, "bad number syntax: \"3x\""),
                arguments("{{/* x }}", 1, "unclosed comment"),
                arguments("{{/* x */ }}", 1, "comment ends before closing delimiter"),
                arguments("{{ 'ab' }}", 1, "malformed character constant: 'ab'"),
                arguments("{{ $x, $y := 2 }}", 1, "too many declarations in command"),
                arguments("{{ range $a, $b, $c := . }}{{ end }}", 1, "too many declarations in range"),
                arguments("{{ template foo }}", 1, "unexpected \"foo\" in template clause"),
                arguments("{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}", 1,
                        "template: multiple definition of template \"x\""),
                arguments("{{ 1.x }}", 1, "bad number syntax: \"1.x\""),
                arguments("{{ \"a\".b }}", 1, "unexpected . after term \"\\\"a\\\"\""),
                arguments("{{ 99999999999999999999 }}", 1, "integer overflow: \"99999999999999999999\""),
                arguments("{{ \"\\q\" }}", 1, "invalid syntax"),
                arguments("{{ # }}", 1, "unexpected \"#\" in command"),
                arguments("{{ $x := 1 }}{{ $x.y# }}", 1, "bad character U+0023 '#'"),
                arguments("{{ define \"t\" }}{{ $labels.job }}{{ end }}", 1, "undefined variable \"$labels\""),
                arguments("a\nb\n{{ nope }}", 3, "function \"nope\" not defined"),
                arguments("{{ if\n\"abc }}", 2, "unterminated quoted string in action started at summary:1"),
                arguments("{{ 1+2i }}", 1, "complex constants are not supported: 1+2i"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void rejectsWhatGoRejectsWithGosMessage(String text, int line, String reason) {
        assertThatThrownBy(() -> Templates.parse("summary", text))
                .isInstanceOfSatisfying(TemplateParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.templateName()).isEqualTo("summary");
                    assertThat(e.getMessage()).isEqualTo("template: summary:" + line + ": " + reason);
                });
    }

    @Test
    void parseErrorCarriesTheColumnOfTheOffendingToken() {
        assertThatThrownBy(() -> Templates.parse("s", "ok\n  {{ $labels.job }"))
                .isInstanceOfSatisfying(TemplateParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(18);
                });
    }

    // ---- rendering

    static Stream<Arguments> renderings() {
        return Stream.of(
                arguments("{{ $labels.job }}/{{ .Labels.instance }}", "api/host-1.example.com:9090"),
                arguments("[{{ $labels.missing }}]", "[]"),
                arguments("{{ $value }} {{ .Value }}", "1234.5678 1234.5678"),
                arguments("{{ $externalLabels.cluster }} {{ $externalURL }}", "eu1 https://prom.example.com/prometheus"),
                arguments("{{ pathPrefix }} {{ externalURL }}", "/prometheus https://prom.example.com/prometheus"),
                arguments("{{ now }}", "1.7000000005e+09"),
                arguments("{{ toDuration 90.5 }} {{ (toDuration 1.5).Seconds }} {{ (toDuration 0.0015).Milliseconds }}",
                        "1m30.5s 1.5 1"),
                arguments("{{ toDuration 0 }} {{ toDuration 3600 }} {{ toDuration 0.000001 }} {{ toDuration -2.5 }}",
                        "0s 1h0m0s 1µs -2.5s"),
                arguments("{{ urlQueryEscape \"a b/c&d\" }}", "a+b%2Fc%26d"),
                arguments("{{ parseDuration \"-1m\" }} {{ parseDuration \"1y\" }}", "-60 3.1536e+07"),
                arguments("{{ with $labels.none }}a{{ else with $labels.job }}{{ . }}{{ end }}", "api"),
                arguments("{{ range 3 }}{{ . }}{{ end }}{{ range 0 }}x{{ else }}none{{ end }}", "012none"),
                arguments("{{ title \"don't stop\" }}|{{ title \"hello.world\" }}|{{ title \"ǆemal\" }}",
                        "Don't Stop|Hello.world|ǅemal"),
                arguments("{{ toUpper \"straße\" }} {{ toLower \"İX\" }}", "STRAßE ix"),
                arguments("{{ range sortByLabel \"job\" (query \"up\") }}{{ .Labels.job }}{{ end }}", "ab"),
                arguments("{{ range query \"up\" }}{{ .Labels.job }}{{ end }}", "ba"),
                arguments("{{ range $i, $e := query \"up\" }}{{ $i }}{{ $e.Value }}{{ end }}", "0110"),
                arguments("{{ with query \"none\" }}x{{ else }}empty{{ end }}", "empty"),
                arguments("{{ (toTime 1700000000).Format \"Monday, 02-Jan-06 3:04PM MST\" }}",
                        "Tuesday, 14-Nov-23 10:13PM UTC"),
                arguments("{{ (toTime 1700000000.123456).Format \"2006-01-02 15:04:05.999999999 -07:00\" }}",
                        "2023-11-14 22:13:20.123 +00:00"),
                arguments("{{ printf \"%v\" (toTime 1.5) }}|{{ print (toDuration 61) }}|{{ (toTime 0).Month }}",
                        "1970-01-01 00:00:01.5 +0000 UTC|1m1s|January"),
                arguments("{{ printf \"%+v\" (index (query \"up\") 0) }}", "&{Labels:map[__name__:up job:b] Value:1}"),
                arguments("{{ index (query \"up\") 0 }}", "{map[__name__:up job:b] 1}"),
                arguments("{{ $ }}", "{map[instance:host-1.example.com:9090 job:api] map[cluster:eu1] "
                        + "https://prom.example.com/prometheus 1234.5678}"),
                arguments("{{ call nil | printf \"%v\" }}", "<error>"), // replaced below: call always fails
                arguments("{{ js \"\\u2028\" }}|{{ html \"\\x00\" }}", "\\u2028|\uFFFD"),
                arguments("{{ reReplaceAll \"^(\\\\S+)\\\\.example\\\\.com(:\\\\d+)$\" \"$1$2\" $labels.instance }}",
                        "host-1:9090"),
                arguments("{{ reReplaceAll \"(?m)^\" \"> \" \"a\\nb\" }}", "> a\n> b"),
                arguments("{{ eq nil nil }} {{ eq $labels.x \"\" }} {{ eq (index (query \"up\") 0) nil }}",
                        "true true false"));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void rendersAsPrometheus3(String text, String expected) {
        if (expected.equals("<error>")) {
            assertThatThrownBy(() -> render(text)).isInstanceOf(TemplateExecException.class);
            return;
        }
        assertThat(render(text)).isEqualTo(expected);
    }

    // ---- execution errors

    static Stream<Arguments> execErrors() {
        return Stream.of(
                arguments("{{ eq $value 1 }}", "eq $value 1", "error calling eq: incompatible types for comparison"),
                arguments("{{ .labels }}", ".labels", "can't evaluate field labels in type struct { Labels "
                        + "map[string]string; ExternalLabels map[string]string; ExternalURL string; Value interface {} }"),
                arguments("{{ template \"x\" }}", "{{template \"x\"}}", "template \"x\" not defined"),
                arguments("{{ index $labels 1 }}", "index $labels 1",
                        "error calling index: value has type int; should be string"),
                arguments("{{ query \"boom\" }}", "query \"boom\"", "error calling query: query failed: boom"),
                arguments("{{ first (query \"none\") }}", "first (query \"none\")",
                        "error calling first: first() called on vector with no elements"),
                arguments("{{ toTime \"NaN\" }}", "toTime \"NaN\"", "error calling toTime: value is NaN or Inf"),
                arguments("{{ humanizeTimestamp 1e10 }}", "humanizeTimestamp 1e10", "error calling humanizeTimestamp: "
                        + "1e+10 cannot be represented as a nanoseconds timestamp since it overflows int64"),
                arguments("{{ humanize (toDuration 60) }}", "humanize (toDuration 60)",
                        "error calling humanize: can't convert *time.Duration to float"),
                arguments("{{ label \"x\" nil }}", "label \"x\" nil",
                        "error calling label: runtime error: invalid memory address or nil pointer dereference"),
                arguments("{{ call 1 }}", "call 1", "error calling call: non-function of type int"),
                arguments("{{ slice \"abc\" 2 1 }}", "slice \"abc\" 2 1", "error calling slice: invalid slice index: 2 > 1"),
                arguments("{{ index \"abc\" 3 }}", "index \"abc\" 3", "error calling index: reflect: string index out of range"),
                arguments("{{ parseDuration \"1.5h\" }}", "parseDuration \"1.5h\"",
                        "error calling parseDuration: unknown unit \".\" in duration \"1.5h\""),
                arguments("{{ parseDuration \"1m1h\" }}", "parseDuration \"1m1h\"",
                        "error calling parseDuration: not a valid duration string: \"1m1h\""),
                arguments("{{ match \"[\" \"x\" }}", "match \"[\" \"x\"",
                        "error calling match: error parsing regexp: missing closing ]: `[`"),
                arguments("{{ match \"(?=x)\" \"x\" }}", "match \"(?=x)\" \"x\"",
                        "error calling match: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
                arguments("{{ range 3.5 }}{{ end }}", "3.5", "range can't iterate over 3.5"),
                arguments("{{ range $i, $e := 2 }}{{ end }}", "2", "can't use 2 to iterate over more than one variable"),
                arguments("{{ nil }}", "nil", "nil is not a command"),
                arguments("{{ $labels 1 }}", "$labels", "can't give argument to non-function $labels"),
                arguments("{{ humanize 1 2 }}", "humanize", "wrong number of args for humanize: want 1 got 2"),
                arguments("{{ printf }}", "printf", "wrong number of args for printf: want at least 1 got 0"),
                arguments("{{ toUpper nil }}", "nil", "cannot assign nil to string"),
                arguments("{{ first \"x\" }}", "\"x\"", "can't handle \"x\" for arg of type template.queryResult"));
    }

    @ParameterizedTest
    @MethodSource("execErrors")
    void failsAtRenderingAsGoDoes(String text, String context, String reason) {
        assertThatThrownBy(() -> render(text))
                .isInstanceOfSatisfying(TemplateExecException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.context()).isEqualTo(context);
                    assertThat(e.getMessage()).startsWith("template: summary:1:")
                            .endsWith(": executing \"summary\" at <" + context + ">: " + reason);
                });
    }

    @Test
    void execErrorNamesTheDefinedTemplateAndItsPosition() {
        String text = "{{ define \"inner\" }}\n  {{ eq 1 \"a\" }}{{ end }}{{ template \"inner\" }}";
        assertThatThrownBy(() -> render(text))
                .isInstanceOfSatisfying(TemplateExecException.class, e -> {
                    assertThat(e.templateName()).isEqualTo("inner");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.getMessage()).isEqualTo("template: summary:2:5: executing \"inner\" at <eq 1 \"a\">: "
                            + "error calling eq: incompatible types for comparison");
                });
    }

    @Test
    void goColumnsCountBytesWhileOurColumnsCountCharacters() {
        assertThatThrownBy(() -> render("é{{ eq 1 \"a\" }}"))
                .isInstanceOfSatisfying(TemplateExecException.class, e -> {
                    assertThat(e.getMessage()).startsWith("template: summary:1:5: ");
                    assertThat(e.column()).isEqualTo(5);
                });
    }

    // ---- expandAlertTemplate: exactly Prometheus' text

    @Test
    void expandsAsTheRuleManagerDoesIncludingItsErrorText() {
        assertThat(Templates.expandAlertTemplate("HighLatency", "{{ $value }}", DATA)).isEqualTo("1234.5678");
        assertThat(Templates.expandAlertTemplate("HighLatency", "{{ eq $value 1 }}", DATA)).isEqualTo(
                "<error expanding template: error executing template __alert_HighLatency: template: "
                        + "__alert_HighLatency:1:115: executing \"__alert_HighLatency\" at <eq $value 1>: "
                        + "error calling eq: incompatible types for comparison>");
        assertThat(Templates.expandAlertTemplate("X", "{{ nope }}", DATA)).isEqualTo(
                "<error expanding template: error parsing template __alert_X: template: __alert_X:1: "
                        + "function \"nope\" not defined>");
    }

    @Test
    void alertVariablesAreNotVisibleInsideDefinitionsAsInPrometheus() {
        assertThat(Templates.expandAlertTemplate("X", "{{ define \"t\" }}{{ $value }}{{ end }}", DATA))
                .isEqualTo("<error expanding template: error parsing template __alert_X: template: __alert_X:1: "
                        + "undefined variable \"$value\">");
    }

    // ---- validation

    @Test
    void validateReportsTheParseErrorWithPosition() {
        assertThat(Templates.validate("ok\n{{ $labels.job }")).containsExactly(
                new TemplateProblem(TemplateProblem.Severity.ERROR, 2, 16, "unexpected \"}\" in operand"));
    }

    @Test
    void validateWarnsAboutTemplatesThatParseButFailWhenAlertsFire() {
        List<TemplateProblem> problems = Templates.validate("{{ if gt $value 1 }}x{{ end }}\n"
                + "{{ template \"nope\" }}{{ reReplaceAll \"(\" \"\" \"\" }}{{ parseDuration \"5x\" }}");
        assertThat(problems).extracting(TemplateProblem::severity).containsOnly(TemplateProblem.Severity.WARNING);
        assertThat(problems).extracting(TemplateProblem::toString).containsExactly(
                "warning at 1:17: gt compares the float $value with the integer 1, which fails with "
                        + "\"incompatible types for comparison\"; write 1.0",
                "warning at 2:13: template \"nope\" not defined: rendering fails",
                "warning at 2:38: reReplaceAll: error parsing regexp: missing closing ): `(`",
                "warning at 2:67: parseDuration: unknown unit \"x\" in duration \"5x\"");
    }

    @Test
    void validateAcceptsAGoodTemplate() {
        assertThat(Templates.validate("{{ if gt $value 1.0 }}{{ $value | humanize }}{{ end }}")).isEmpty();
    }

    // ---- Template

    @Test
    void templateReportsItsFunctionsAndDefinitions() {
        Template t = Templates.parse("s", "{{ define \"a\" }}{{ humanize . }}{{ end }}{{ template \"a\" $value }}"
                + "{{ $value | printf \"%.1f\" | toUpper }}");
        assertThat(t.functions()).containsExactly("humanize", "printf", "toUpper");
        assertThat(t.definedTemplates()).containsExactlyInAnyOrder("a", "s");
        assertThat(t.name()).isEqualTo("s");
        assertThat(t).hasToString(t.text());
        assertThat(t).isEqualTo(Templates.parse("s", t.text()));
    }

    @Test
    void renderingIsRepeatableAndIndependentPerCall() {
        Template t = Templates.parse("s", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}");
        assertThat(t.render(DATA)).isEqualTo("2");
        assertThat(t.render(DATA)).isEqualTo("2");
    }

    @Test
    void functionNamesListBuiltinsAndPrometheusFunctions() {
        assertThat(Templates.functionNames()).contains("printf", "eq", "humanize", "query", "toDuration")
                .hasSize(48);
        assertThat(Templates.prometheusFunctionNames()).doesNotContain("printf").contains("urlQueryEscape");
    }

    @Test
    void parsingForAnOlderPrometheusRejectsItsMissingFunctions() {
        assertThat(Templates.functionNamesIn("2.42")).contains("toTime", "humanize")
                .doesNotContain("toDuration", "now", "urlQueryEscape");
        assertThat(Templates.functionNamesIn("2.37")).doesNotContain("toTime");
        assertThat(Templates.functionNamesIn("3.8")).containsExactlyElementsOf(Templates.functionNames());
        assertThatThrownBy(() -> Templates.parse("s", "ok\n{{ toDuration 1 }}", "2.42"))
                .hasMessage("template: s:2: function \"toDuration\" not defined");
        assertThat(Templates.parse("s", "{{ toDuration 1 }}", "3.6").functions()).containsExactly("toDuration");
    }

    @Test
    void absurdNestingFailsWithAnExceptionNotAStackOverflow() {
        String parens = "{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}";
        assertThatThrownBy(() -> Templates.parse("s", parens)).isInstanceOf(TemplateParseException.class)
                .hasMessage("template: s:1: template nested too deeply to parse");
        assertThatThrownBy(() -> render("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}"))
                .isInstanceOf(TemplateExecException.class).hasMessageContaining("exceeded maximum template depth");
    }

    @Test
    void templateDataIsImmutable() {
        TemplateData base = TemplateData.forAlert(Labels.of("a", "1"), 2);
        TemplateData withUrl = base.externalUrl("http://x");
        assertThat(base.externalUrl()).isEmpty();
        assertThat(withUrl.externalUrl()).isEqualTo("http://x");
        assertThat(withUrl.labels()).isEqualTo(Labels.of("a", "1"));
    }

    @Test
    void queryWithoutAQueryFunctionFailsClearly() {
        assertThatThrownBy(() -> Templates.parse("s", "{{ query \"up\" }}")
                .render(TemplateData.forAlert(Labels.empty(), 1)))
                .hasMessageEndingWith("error calling query: no query function configured for templates");
    }
}
