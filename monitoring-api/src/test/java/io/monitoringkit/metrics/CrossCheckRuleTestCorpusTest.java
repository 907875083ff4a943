package io.monitoringkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.rules.RuleValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false positives on another module's corpus: the rule files of promql-engine's promtool-style rule tests
 * (read from that module's folder), each checked against a catalog of the input series its tests load (names
 * and labels; types unknown, values not checked since a test loads only what it needs).
 */
class CrossCheckRuleTestCorpusTest {

    private static final Path CORPUS = Path.of("../promql-engine/src/test/resources/ruletest-corpus");

    @Test
    void theRuleFilesOfTheRuleTestCorpusHaveNoFindingsAgainstTheirTestsInputSeries() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "promql-engine's rule-test corpus is not next to this module: skipping");
        YAMLMapper yaml = new YAMLMapper();
        Map<String, Map<String, List<Labels>>> seriesByRuleFile = new TreeMap<>();
        List<Path> tests;
        try (Stream<Path> s = Files.list(CORPUS)) {
            tests = s.filter(p -> p.toString().endsWith(".test.yml")).sorted().toList();
        }
        for (Path t : tests) {
            JsonNode root;
            try {
                root = yaml.readTree(Files.readString(t));
            } catch (IOException e) {
                continue; // deliberately broken test files
            }
            if (root == null || !root.has("rule_files")) {
                continue;
            }
            Map<String, List<Labels>> series = new LinkedHashMap<>();
            for (JsonNode test : root.path("tests")) {
                for (JsonNode in : test.path("input_series")) {
                    VectorSelector s = (VectorSelector) PromQL.parse(in.path("series").asText());
                    List<String> kv = new ArrayList<>();
                    for (LabelMatcher m : s.matchers()) {
                        kv.add(m.name());
                        kv.add(m.value());
                    }
                    series.computeIfAbsent(s.metricName().orElseThrow(), k -> new ArrayList<>())
                            .add(Labels.of(kv.toArray(new String[0])));
                }
            }
            for (JsonNode f : root.path("rule_files")) {
                Map<String, List<Labels>> all = seriesByRuleFile.computeIfAbsent(f.asText(), k -> new TreeMap<>());
                series.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
        }
        List<String> findings = new ArrayList<>();
        int files = 0;
        int expressions = 0;
        for (Map.Entry<String, Map<String, List<Labels>>> e : seriesByRuleFile.entrySet()) {
            Path rules = CORPUS.resolve(e.getKey());
            if (!Files.isRegularFile(rules)) {
                continue; // globs and missing files, which those tests are about
            }
            List<ExpressionSource> sources;
            try {
                sources = ExpressionSource.fromRules(e.getKey(), Files.readString(rules));
            } catch (RuleValidationException broken) {
                continue; // the deliberately broken rule file
            }
            List<MetricFamily> families = new ArrayList<>();
            e.getValue().forEach((name, labels) -> families.add(new MetricFamily(name, MetricType.UNKNOWN, "", "",
                    labels.stream().map(l -> Sample.of(name, l, 0)).toList())));
            MetricCatalog catalog = MetricCatalog.from(new Exposition(families));
            CrossCheckReport r = CrossCheck.against(catalog).without(CrossCheck.Check.VALUE_NEVER_MATCHES)
                    .check(sources);
            r.findings().forEach(f -> findings.add(f.toString()));
            files++;
            expressions += r.expressions();
        }
        assertThat(findings).isEmpty();
        assertThat(files).isEqualTo(14);
        assertThat(expressions).isEqualTo(25);
    }
}
