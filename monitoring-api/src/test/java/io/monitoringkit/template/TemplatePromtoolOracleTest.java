package io.monitoringkit.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle: every template below is put into an alerting rule as an annotation, our rendering (through
 * {@link Templates#expandAlertTemplate}) becomes {@code exp_annotations}, and the real promtool 2.42
 * ({@code promtool test rules}) must agree — one promtool run for the whole corpus.
 *
 * <p>Kept out: functions that differ between 2.42 and 3.x ({@code title} beyond plain words, {@code toDuration},
 * {@code now}, {@code urlQueryEscape}, negative {@code parseDuration}), Go features newer than 2.42's Go 1.19
 * ({@code else with}, range over an integer), errors naming the data struct's type (its {@code Value} field is
 * {@code float64} in 2.42, {@code interface {}} in 3.x), and printing of pointers inside slices (Go prints
 * addresses), the order of query results (Prometheus' is not deterministic: order-dependent cases sort with
 * {@code sortByLabel}), {@code parseDuration} errors (prometheus/common reworded them), and {@code pathPrefix}/{@code externalURL}, which promtool cannot render (it passes no URL to the
 * expander, so they fail with a nil pointer). Those are covered by unit tests against our reading of the 3.x sources.
 */
class TemplatePromtoolOracleTest {

    private static final Labels DEFAULT_LABELS = Labels.of("job", "api", "instance", "host-1.example.com:9090");
    private static final Labels EXTERNAL = Labels.of("cluster", "eu1", "replica", "a");
    private static final String EXTERNAL_URL = "https://prom.example.com/prometheus";

    private record Case(String template, Labels labels, double value) {
    }

    private static Case c(String template) {
        return new Case(template, DEFAULT_LABELS, 1234.5678);
    }

    private static Case c(String template, double value) {
        return new Case(template, DEFAULT_LABELS, value);
    }

    static final List<Case> CASES = List.of(
            // values as Go prints float64
            c("{{ $value }}", 1e6),
            c("{{ $value }}", 123456),
            c("{{ $value }}", 0.30000000000000004),
            c("{{ $value }}", 1e-5),
            c("{{ $value }}", 0.0001),
            c("{{ $value }}", -1.5),
            c("{{ $value }}", Double.NaN),
            c("{{ $value }}", Double.POSITIVE_INFINITY),
            c("{{ $value }}", 1e21),
            c("{{ .Value }} {{ printf \"%T\" $value }} {{ printf \"%T\" .Value }}", 2.5),
            c("{{ 1e3 }} {{ 0x1F }} {{ 1_000 }} {{ 0o17 }} {{ 0b101 }} {{ -5 }} {{ +5 }} {{ .5 }} {{ 1e-7 }} "
                    + "{{ 'x' }} {{ '\\n' }} {{ 017 }} {{ 1.0 }} {{ 2.50 }}"),
            // printf
            c("{{ printf \"%.2f\" $value }}", 3.14159),
            c("{{ printf \"%5.1f|%-12.3e|%g|%G|%E|%F\" $value $value $value $value $value $value }}"),
            c("{{ printf \"%d %5d %-5d| %05d %x %X %o %b %c %q %U %#x %#o %+d\" 42 42 42 -42 255 255 8 5 65 66 67 "
                    + "255 8 7 }}"),
            c("{{ printf \"%s|%10s|%-10s|%.2s|%q|%x|% x|%X|%T|%T|%T|%T\" \"abc\" \"abc\" \"abc\" \"abc\" \"a\\\"b\" "
                    + "\"hi\" \"hi\" \"hi\" 1 1.5 \"s\" true }}"),
            c("{{ printf \"%v %v %v %v\" true 1 1.5 \"x\" }}|{{ printf \"%t\" true }}|{{ printf \"%d\" \"x\" }}|"
                    + "{{ printf \"%s\" 1 }}|{{ printf \"%d\" }}|{{ printf \"%d\" 1 2 }}|{{ printf \"%!\" }}|"
                    + "{{ printf \"%z\" 1.5 }}|{{ printf \"%s\" nil }}"),
            c("{{ printf \"%v\" $labels }}|{{ printf \"%s\" $externalLabels }}|{{ printf \"%d\" $labels }}"),
            c("{{ print 1 2 \"a\" \"b\" 3 }}|{{ print }}|{{ print nil }}|{{ print \"x\" nil 1.5 }}"),
            c("{{ println \"a\" 1 }}|{{ println }}"),
            c("{{ printf \"%.3g|%.10g|%8.2f|%+.1f|% .1f|%+d|%6.2f%%|%08.3f|%-8.2f|\" 1234.5678 1234.5678 3.14159 2.0 "
                    + "2.0 5 12.3456 -3.14159 2.5 }}"),
            c("{{ printf \"%x %X %o %d\" -255 -255 -8 -0 }}|{{ printf \"%10.3v|%-10v|%.0f|%.0f|%.1f\" 3.14159 \"ab\" "
                    + "0.5 1.5 0.25 }}"),
            c("{{ printf \"%e\" 0.0 }} {{ printf \"%g\" 100000.0 }} {{ printf \"%g\" 1000000.0 }} {{ printf \"%v\" 1e-4 }} "
                    + "{{ printf \"%v\" 1e-5 }} {{ printf \"%.2e\" 123456.0 }} {{ printf \"%5.2g|\" 0.000123 }}"),
            c("{{ printf \"%*d|%-*d|%.*f\" 5 42 4 7 2 3.14159 }}"),
            // humanize family
            c("{{ humanize 0 }} {{ humanize 1 }} {{ humanize 999 }} {{ humanize 1000 }} {{ humanize 1234567 }} "
                    + "{{ humanize 0.001234 }} {{ humanize -2500000 }} {{ humanize 1e30 }} {{ humanize 0.5 }} "
                    + "{{ humanize 1e-30 }}"),
            c("{{ humanize1024 1 }} {{ humanize1024 1023 }} {{ humanize1024 1024 }} {{ humanize1024 1048576 }} "
                    + "{{ humanize1024 -3000 }} {{ humanize1024 0.5 }} {{ humanize1024 1e20 }}"),
            c("{{ humanizeDuration 0 }} {{ humanizeDuration 0.5 }} {{ humanizeDuration 1 }} {{ humanizeDuration 59.9 }} "
                    + "{{ humanizeDuration 61 }} {{ humanizeDuration 3601 }} {{ humanizeDuration 90061 }} "
                    + "{{ humanizeDuration -61 }} {{ humanizeDuration 0.000123 }} {{ humanizeDuration -0.5 }}"),
            c("{{ humanizePercentage 0.1234 }} {{ humanizePercentage 1 }} {{ humanizePercentage 0.000012 }} "
                    + "{{ humanizePercentage $value }}", 0.87654),
            c("{{ humanizeTimestamp 0 }}|{{ humanizeTimestamp 1234567890.123 }}|{{ humanizeTimestamp 1700000000 }}|"
                    + "{{ humanizeTimestamp -1.5 }}|{{ humanizeTimestamp $value }}", 1.7e9),
            c("{{ humanize \"1234\" }} {{ humanizeDuration \"3600\" }} {{ humanize \"1e3\" }} {{ humanize \"-Inf\" }} "
                    + "{{ humanize1024 \"NaN\" }}"),
            c("{{ $value | humanize }} {{ $value | humanize1024 }} {{ $value | humanizeDuration }}", 1234567),
            c("{{ humanize \"abc\" }}"),
            c("{{ humanize true }}"),
            c("{{ toTime 1.5 }}|{{ (toTime 1700000000).Unix }}|{{ (toTime 1700000000).Format \"2006-01-02T15:04:05Z07:00\" }}|"
                    + "{{ (toTime 1700000000.25).Format \"Jan _2 15:04:05.000 Mon\" }}|{{ (toTime 1700000000).Year }}|"
                    + "{{ (toTime 1700000000).Month }}|{{ (toTime 1700000000).Weekday }}"),
            // strings
            c("{{ toUpper \"hello World\" }} {{ toLower \"HeLLo\" }} {{ title \"hello world-foo bar_baz\" }}"),
            c("{{ reReplaceAll \"(\\\\w+):(\\\\d+)\" \"$2/$1\" \"host:9090\" }}|{{ reReplaceAll \"a*\" \"-\" \"baaac\" }}|"
                    + "{{ reReplaceAll \"(?P<host>[^:]+):.*\" \"${host}\" $labels.instance }}|"
                    + "{{ reReplaceAll \"x$\" \"Y\" \"axx\" }}|{{ reReplaceAll \"o\" \"$$\" \"foo\" }}|"
                    + "{{ reReplaceAll \"(o)\" \"$1x$\" \"foo\" }}|{{ reReplaceAll \"[[:digit:]]+\" \"N\" \"a1b22\" }}"),
            c("{{ match \"^api\" $labels.job }} {{ match \"b+\" \"abc\" }} {{ match \"^x\" \"abc\" }} "
                    + "{{ match \"(?i)API\" $labels.job }}"),
            c("{{ reReplaceAll \"(\" \"x\" \"y\" }}"),
            c("{{ stripPort \"host:9090\" }} {{ stripPort \"host\" }} {{ stripPort \"[::1]:80\" }} {{ stripPort \"::1\" }} "
                    + "{{ stripPort $labels.instance }}"),
            c("{{ stripDomain \"foo.example.com:9090\" }} {{ stripDomain \"foo.example.com\" }} "
                    + "{{ stripDomain \"10.0.0.1:80\" }} {{ stripDomain \"[2001:db8::1]:80\" }} {{ stripDomain $labels.instance }}"),
            c("{{ graphLink \"rate(x[5m]) > 0\" }} {{ tableLink \"up{job=\\\"api\\\"}\" }}"),
            c("{{ parseDuration \"1h30m\" }} {{ parseDuration \"90s\" }} {{ parseDuration \"1d\" }} {{ parseDuration \"500ms\" }} "
                    + "{{ parseDuration \"0\" }}"),
            c("{{ safeHtml \"<b>x</b>\" }} {{ html \"<a href=\\\"x\\\">&'</a>\" }} {{ js \"it's <b>\\\"x\\\"</b> & =\" }} "
                    + "{{ urlquery \"a b&c=d/é\" }} {{ html 1 \"<\" }}"),
            c("{{ $externalURL }} {{ .ExternalURL }}"),
            c("{{ $externalLabels.cluster }} {{ .ExternalLabels.replica }} {{ len $externalLabels }}"),
            c("{{ len \"héllo\" }} {{ len $labels }} {{ index $labels \"job\" }} {{ index \"abc\" 1 }} "
                    + "{{ slice \"abcdef\" 1 3 }} {{ slice \"abcdef\" 2 }} {{ slice \"abc\" }}"),
            c("[{{ index $labels \"missing\" }}|{{ $labels.missing }}|{{ .Labels.missing }}|{{ (args 1).arg5 }}]"),
            // control flow
            c("{{ if gt $value 100.0 }}big{{ else if gt $value 10.0 }}medium{{ else }}small{{ end }}", 50),
            c("{{ if and $labels.job (gt $value 1.0) }}A{{ end }}|{{ or $labels.missing \"fallback\" }}|"
                    + "{{ and 1 0 2 }}|{{ or 0 \"\" }}|{{ not 0 }}|{{ not \"x\" }}|{{ and 1 2 }}|{{ or 0 3 }}"),
            c("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}"),
            c("{{ range $labels }}[{{ . }}]{{ end }}{{ range $k, $v := $externalLabels }}{{ $k }}{{ end }}"),
            c("{{ range $i, $s := sortByLabel \"instance\" (query \"up\") }}{{ $i }}:{{ $s.Labels.job }}={{ $s.Value }} {{ end }}"),
            c("{{ range query \"nothing_here\" }}x{{ else }}empty{{ end }}"),
            c("{{ with query \"up{job=\\\"db\\\"}\" }}{{ . | first | value }} {{ . | first | label \"instance\" }}{{ end }}"),
            c("{{ with $labels.missing }}yes{{ else }}no{{ end }} {{ with $labels.job }}{{ . }}{{ end }}"),
            c("{{ range $i, $e := sortByLabel \"instance\" (query \"up\") }}{{ if eq $i 1 }}{{ break }}{{ end }}{{ $e.Labels.instance }}{{ end }}"),
            c("{{ range sortByLabel \"instance\" (query \"up\") }}{{ if eq .Value 0.0 }}{{ continue }}{{ end }}{{ .Labels.job }}{{ end }}"),
            c("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}|{{ $y := \"a\" }}{{ range $labels }}{{ $y = . }}"
                    + "{{ end }}{{ $y }}"),
            c("{{ define \"t\" }}<{{ .arg0 }}|{{ .arg1 }}>{{ end }}{{ template \"t\" args \"a\" 2 }}"),
            c("{{ block \"b\" $labels.job }}[{{ . }}]{{ end }}"),
            c("a  {{- /* comment */ -}}  b {{- 1 -}} c\n{{- \"x\" }} {{/* another */}}d"),
            c("{{ \"hello\" | printf \"%s!\" }} {{ $value | printf \"%.1f\" }} {{ 3 | printf \"%d-%d\" 2 }}"),
            c("{{ printf \"%s\" (index $labels \"job\") }} {{ (sortByLabel \"instance\" (query \"up\") | first).Labels.job }} "
                    + "{{ (index (sortByLabel \"instance\" (query \"up\")) 1).Value }}"),
            c("{{ range sortByLabel \"job\" (query \"sort(x)\") }}{{ .Labels.job }} {{ end }}|"
                    + "{{ range query \"sort(x)\" }}{{ .Labels.job }} {{ end }}"),
            c("[{{ strvalue (sortByLabel \"instance\" (query \"up\") | first) }}]"),
            c("{{ eq \"a\" \"b\" \"a\" }} {{ ne 1 2 }} {{ lt \"a\" \"b\" }} {{ le 2 2 }} {{ gt 1.5 1.0 }} {{ ge 1 2 }} "
                    + "{{ eq $labels.job \"api\" }} {{ eq true true }} {{ lt 1.0 2.0 }}"),
            c("{{ index (sortByLabel \"instance\" (query \"up\")) 1 }}"),
            c("{{ sortByLabel \"instance\" (query \"up\") | len }} {{ len (query \"nothing_here\") }}"),
            c("line1\n{{ $labels.job }}\n{{ if true }}yes{{ end }}\n"),
            c("{{ \"\\u00e9\\t\\x41\\101\" }}|{{ `raw\\n` }}|{{ \"a\\\\b\" }}"),
            c("{{ printf \"%v|%s\" (toTime 0) (toTime 0) }}"),
            c("{{ with $labels.none }}a{{ else }}{{ with $labels.job }}{{ . }}{{ end }}{{ end }}"),
            c("{{ range $labels }}{{ $.Labels.job }}{{ end }}"),
            c("{{- if true -}}\n  trimmed\n{{- end -}}"),
            // execution errors, as Prometheus words them (line 2, so columns do not depend on the prefix)
            c("x\n{{ eq $value 1 }}"),
            c("x\n{{ template \"nope\" }}"),
            c("x\n{{ first (query \"nothing_here\") }}"),
            c("x\n{{ index \"abc\" 5 }}"),
            c("x\n{{ toUpper 1 }}"),
            c("x\n{{ len 3 }}"),
            c("x\n{{ $labels.job.foo }}"),
            c("x\n{{ range $i, $c := \"x\" }}{{ end }}"),
            c("x\n{{ lt true false }}"),
            c("x\n{{ humanize }}"),
            c("x\n{{ 1 2 }}"),
            c("x\n{{ index $labels 1 }}"),
            c("x\n{{ toUpper $value }}"),
            c("{{ $value }}", 0.0),
            // second batch: rounding, shortest digits, more printf
            c("{{ printf \"%v\" (args 1 \"a\" nil) }}|{{ (args 1).arg0 }}|{{ index (args \"x\") \"arg0\" }}|"
                    + "{{ range $k, $v := (args 1 2) }}{{ $k }}={{ $v }};{{ end }}|{{ len (args) }}"),
            c("{{ slice \"héllo\" 1 3 }}|{{ len \"é\" }}|{{ index \"é\" 0 }}"),
            c("{{ define \"a\" }}<{{ $ }}>{{ end }}{{ template \"a\" 5 }}{{ with $x := $labels.job }}{{ $x }}{{ end }}"),
            c("{{ $value | printf \"%.2f\" | printf \"%s%%\" }}|{{ 1.5 | printf \"%v %v\" 1 }}", 99.5),
            c("{{ html 1.5 }}|{{ urlquery \"a\" \"b\" 1 }}|{{ js 1 2 }}|{{ print (toTime 1) }}"),
            c("{{ humanizePercentage \"0.5\" }}|{{ toTime \"1.5\" }}|{{ humanizeTimestamp \"NaN\" }}|"
                    + "{{ humanizeTimestamp 1e9 }}"),
            c("{{ printf \"%q|%c|%U|%x|%X\" 'x' 'é' 'é' \"é\" \"é\" }}"),
            c("{{ printf \"%08.3e|%+.2e|%6.2v|%-6v|%06d|%.0e|%.1f|%.2f\" 1234.5 -1234.5 3.14159 1.5 -42 15.0 0.05 1.005 }}"),
            c("{{ printf \"%g|%v|%v|%v|%v|%.3g\" 1e-320 123456789.0 0.000001 100000.0 999999.9 999.95 }}"),
            c("{{ $value }}", 1e-300),
            c("{{ $value }}", 123456789.123),
            c("{{ $value }}", -0.000012345),
            c("{{ $value }}", 4.35),
            c("{{ humanize 999.9999 }} {{ humanize 1e-3 }} {{ humanizeDuration 86400 }} {{ humanizeDuration 1e10 }} "
                    + "{{ humanizeDuration 59.99999 }} {{ humanize1024 1023.99 }} {{ humanizePercentage 0.99999 }}"),
            c("{{ 1 }}  \n  {{- 2 }}|{{ 1 -}}\n\n  x|{{- /* c */ -}} y|{{ \"a\" }}{{/* x */}}{{ \"b\" }}"),
            c("a\r\n{{- 1 }}\r\n{{ printf\n  \"%s-%s\"\n  \"x\"\n  \"y\" }}"),
            c("{{ $labels.instance | reReplaceAll \":.*\" \"\" }}|{{ \"x\" | match \"x\" }}|"
                    + "{{ eq .Labels.job \"db\" \"api\" }}|{{ index $labels }}"),
            c("{{ (index (sortByLabel \"instance\" (query \"up\")) 0).Labels.job }}|{{ with first (sortByLabel \"instance\" (query \"up\")) }}{{ .Value }}{{ end }}|"
                    + "{{ $s := index (sortByLabel \"instance\" (query \"up\")) 0 }}{{ $s.Labels.__name__ }}|{{ label \"job\" (first (sortByLabel \"instance\" (query \"up\"))) }}"),
            c("{{ range $i, $s := sortByLabel \"instance\" (sortByLabel \"instance\" (query \"up\")) }}{{ if $i }}, {{ end }}{{ $s.Labels.instance }}"
                    + "{{ end }}"),
            c("{{ if not (query \"nothing_here\") }}no data{{ end }}|{{ if sortByLabel \"instance\" (query \"up\") }}data{{ end }}|"
                    + "{{ if $externalLabels }}ext{{ end }}|{{ if 0.0 }}x{{ else }}zero{{ end }}"),
            c("{{ $x := 0 }}{{ range $i, $e := sortByLabel \"instance\" (query \"up\") }}{{ $x = $i }}{{ end }}{{ $x }}|"
                    + "{{ range $e := sortByLabel \"instance\" (query \"up\") }}{{ $e.Value }}{{ end }}"),
            c("x\n{{ $labels.job | humanize }}"),
            c("x\n{{ slice \"abc\" 4 }}"),
            c("x\n{{ and }}"),
            c("x\n{{ not 1 2 }}"),
            c("x\n{{ printf 1 }}"),
            c("x\n{{ call $labels }}"),
            c("x\n{{ $value.x }}"),
            c("x\n{{ (sortByLabel \"instance\" (query \"up\")).x }}"),
            c("x\n{{ range $labels.job }}{{ end }}"),
            c("x\n{{ label 1 (first (sortByLabel \"instance\" (query \"up\"))) }}"),
            c("x\n{{ label \"job\" \"x\" }}"),
            c("x\n{{ humanize 1 | humanize }}"),
            c("x\n{{ .Labels.job 1 }}"),
            c("x\n{{ index (sortByLabel \"instance\" (query \"up\")) 2 }}"),
            c("x\n{{ index (sortByLabel \"instance\" (query \"up\")) \"a\" }}"),
            c("x\n{{ match \"[\" \"x\" }}"),
            c("x\n{{ toTime \"Inf\" }}"),
            c("x\n{{ humanizeTimestamp 1e10 }}"),
            c("x\n{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ lt 1 \"a\" }}"),
            c("x\n{{ eq $labels $labels }}"),
            c("{{ eq $value 1 }}")
    );

    /** Seeded values across magnitudes, signs and rounding ties, each through every float verb and humanizer. */
    static final List<Case> GENERATED = generated();

    private static List<Case> generated() {
        java.util.Random r = new java.util.Random(42);
        List<Case> out = new ArrayList<>();
        String t = "{{ printf \"%v|%g|%e|%.3e|%.2f|%.0f|%10.4g|%.15g|%+.1e|%G|%8.3f|%-9.2e|\" $value $value $value "
                + "$value $value $value $value $value $value $value $value $value }}{{ humanize $value }}|"
                + "{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}";
        for (int i = 0; i < 120; i++) {
            double v = switch (i % 6) {
                case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(30) - 10);
                case 1 -> -r.nextDouble() * Math.pow(10, r.nextInt(12));
                case 2 -> r.nextInt(2_000_000) + 0.5;
                case 3 -> Math.round(r.nextDouble() * 100_000) / 1000.0;
                case 4 -> (double) r.nextLong() / (1L << r.nextInt(40));
                default -> r.nextInt(100) * Math.pow(2, -r.nextInt(20));
            };
            out.add(new Case(t, DEFAULT_LABELS, v));
        }
        return List.copyOf(out);
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>(CASES);
        all.addAll(GENERATED);
        return all;
    }

    private static final Map<String, List<TemplateSample>> QUERIES = Map.of(
            "up", List.of(
                    new TemplateSample(Labels.of("__name__", "up", "instance", "a:9090", "job", "api"), 1),
                    new TemplateSample(Labels.of("__name__", "up", "instance", "b:9090", "job", "db"), 0)),
            "up{job=\"db\"}", List.of(
                    new TemplateSample(Labels.of("__name__", "up", "instance", "b:9090", "job", "db"), 0)),
            "nothing_here", List.of(),
            "sort(x)", List.of(
                    new TemplateSample(Labels.of("job", "z"), 1),
                    new TemplateSample(Labels.of("job", "a"), 2)));

    private static final String INPUT_SERIES = """
            [{"series": "up{job=\\"api\\", instance=\\"a:9090\\"}", "values": "1"},
             {"series": "up{job=\\"db\\", instance=\\"b:9090\\"}", "values": "0"},
             {"series": "x{job=\\"z\\"}", "values": "1"},
             {"series": "x{job=\\"a\\"}", "values": "2"}]
            """;

    static TemplateData dataFor(Case c) {
        return TemplateData.forAlert(c.labels(), c.value())
                .externalLabels(EXTERNAL)
                .externalUrl(EXTERNAL_URL)
                .evaluationTime(Instant.EPOCH)
                .queryFunction((expr, time) -> {
                    List<TemplateSample> r = QUERIES.get(expr);
                    if (r == null) {
                        throw new IllegalArgumentException("no canned result for " + expr);
                    }
                    return r;
                });
    }

    private static String promqlNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(v);
    }

    /** vector(v) with the case's labels attached through label_replace. */
    private static String exprFor(Case c) {
        String e = "vector(" + promqlNumber(c.value()) + ")";
        for (Labels.Label l : c.labels().toList()) {
            e = "label_replace(" + e + ", " + GoStrings.quote(l.name()) + ", "
                    + GoStrings.quote(l.value().replace("$", "$$")) + ", \"\", \"\")";
        }
        return e;
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void renderingEqualsPromtool(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate(); // skips loudly when promtool is absent
        ObjectMapper json = new ObjectMapper();
        ObjectNode rules = json.createObjectNode();
        ArrayNode ruleList = rules.putArray("groups").addObject().put("name", "templates").putArray("rules");
        ArrayNode testCases = json.createArrayNode();
        List<Case> cases = all();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String alert = "T" + i;
            ObjectNode rule = ruleList.addObject();
            rule.put("alert", alert);
            rule.put("expr", exprFor(c));
            rule.putObject("annotations").put("a", c.template());
            String expected = Templates.expandAlertTemplate(alert, c.template(), dataFor(c));
            ObjectNode test = testCases.addObject();
            test.put("eval_time", "0m");
            test.put("alertname", alert);
            ObjectNode exp = test.putArray("exp_alerts").addObject();
            ObjectNode expLabels = exp.putObject("exp_labels");
            c.labels().forEach(expLabels::put);
            exp.putObject("exp_annotations").put("a", expected);
        }
        Files.writeString(dir.resolve("rules.json"), json.writeValueAsString(rules));
        ObjectNode test = json.createObjectNode();
        test.putArray("rule_files").add("rules.json");
        test.put("evaluation_interval", "1m");
        ObjectNode group = test.putArray("tests").addObject();
        group.put("interval", "1m");
        group.put("external_url", EXTERNAL_URL);
        ObjectNode ext = group.putObject("external_labels");
        EXTERNAL.forEach(ext::put);
        group.set("input_series", json.readTree(INPUT_SERIES));
        group.set("alert_rule_test", testCases);
        Files.writeString(dir.resolve("test.json"), json.writeValueAsString(test));

        CommandResult result = promtool.inDirectory(dir).withTimeout(Duration.ofSeconds(120))
                .testRules(Path.of("test.json"));
        assertThat(result.exitCode())
                .as("promtool test rules disagrees with our rendering of %d templates:%n%s", cases.size(),
                        result.output())
                .isZero();
    }

    @Test
    void everyCaseRendersWithoutAJavaFailure() {
        List<String> outputs = new ArrayList<>();
        List<Case> cases = all();
        for (int i = 0; i < cases.size(); i++) {
            outputs.add(Templates.expandAlertTemplate("T" + i, cases.get(i).template(), dataFor(cases.get(i))));
        }
        assertThat(outputs).doesNotContainNull().allSatisfy(o -> assertThat(o).isNotEmpty());
    }
}
