package io.monitoringkit.rules;

import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.PromQL;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Law: writing a valid model and reading it back gives an equal model, whatever YAML would retype. */
class RuleFileRoundTripTest {

    private static final List<String> TRICKY = List.of("no", "on", "yes", "off", "y", "n", "true", "False", "null",
            "~", "1.50", "0x10", "1e3", "007", "-", "- x", "a: b", "#x", " leading", " ", "trailing ", "multi\nline",
            "multi\nline\n", "tab\there", "quote\"s", "single'q", "back\\slash", "", "é🚀", "@a", "*alias", "&x",
            "!tag", "%x", "`x`", "|", ">", "---", "...", "[a]", "{a}", "a\r\nb", "  indented\n  lines", ":", "?");

    private static final List<String> EXPRESSIONS = List.of("up", "up == 0", "sum by (job) (rate(x_total[5m]))",
            "histogram_quantile(0.99, sum by (le) (rate(x_bucket{a=\"b\\\"c\"}[5m])))", "1", "vector(1) > bool 0",
            "max_over_time(x[5m:1m] offset 1h)", "x{a=~\"1.50|no\", b!=\"\"} / on (a) group_left y");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.of(TRICKY),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'é', '—').ofMaxLength(16));
    }

    private Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("__"));
    }

    private Arbitrary<Map<String, String>> stringMaps() {
        return Arbitraries.maps(names(), values()).ofMaxSize(3);
    }

    private Arbitrary<Map<String, String>> templateMaps() {
        return Arbitraries.maps(names(), Arbitraries.oneOf(values().filter(v -> !v.contains("{{")),
                Arbitraries.of("{{ $value }}", "{{ $labels.job }}: {{ $value | humanize }}",
                        "{{- if gt $value 1.0 -}}\nhigh\n{{- end }}"))).ofMaxSize(3);
    }

    private Arbitrary<Rule> rules() {
        Arbitrary<Rule> recording = Combinators.combine(names(), Arbitraries.of(EXPRESSIONS), stringMaps())
                .as((n, e, l) -> new RecordingRule(n + ":rate", PromQL.parse(e), l));
        Arbitrary<Rule> alerting = Combinators.combine(values().filter(v -> !v.isEmpty()), Arbitraries.of(EXPRESSIONS),
                Arbitraries.longs().between(0, 100_000), Arbitraries.longs().between(0, 1000), stringMaps(),
                templateMaps())
                .as((n, e, f, k, l, a) -> new AlertingRule(n, PromQL.parse(e), PromDuration.ofSeconds(f),
                        PromDuration.ofMinutes(k), l, a));
        return Arbitraries.oneOf(recording, alerting);
    }

    @Provide
    Arbitrary<RuleFile> files() {
        Arbitrary<RuleGroup> group = Combinators.combine(values().filter(v -> !v.isEmpty()),
                        Arbitraries.integers().between(0, 600), Arbitraries.integers().between(0, 5), stringMaps(),
                        rules().list().ofMaxSize(4))
                .as((name, interval, limit, labels, rs) -> {
                    RuleGroup.Builder b = RuleGroup.builder(name).limit(limit).rules(rs);
                    if (interval > 0) {
                        b.interval(PromDuration.ofSeconds(interval)).queryOffset(PromDuration.ofMillis(interval));
                    }
                    labels.forEach(b::label);
                    return b.build();
                });
        return group.list().ofMaxSize(3).uniqueElements(RuleGroup::name).map(RuleFile::of);
    }

    @Property(tries = 200)
    void writingThenReadingGivesAnEqualModel(@ForAll("files") RuleFile file) {
        assertThat(RuleFiles.read(file.toYaml(), "rules.yml")).isEqualTo(file);
    }

    @Property(tries = 100)
    void prometheusRuleManifestsRoundTripToo(@ForAll("files") RuleFile file, @ForAll("values") String label) {
        String manifest = file.toPrometheusRule("rules", "monitoring", Map.of("team", label));
        assertThat(RuleFiles.read(manifest, "rules.yml")).isEqualTo(file);
    }
}
