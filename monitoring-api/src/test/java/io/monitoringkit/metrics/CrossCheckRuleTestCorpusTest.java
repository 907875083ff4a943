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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false positives on another module's corpus: the rule files of promql-engine's promtool-style rule tests
 * (read from that module's folder), those of one test file together, checked against a catalog of the input
 * series its tests load (names and labels; types unknown, values not checked since a test loads only what it
 * needs).
 */
class CrossCheckRuleTestCorpusTest {

    private static final Path CORPUS = Path.of("../promql-engine/src/test/resources/ruletest-corpus");

    @Test
    void theRuleFilesOfTheRuleTestCorpusHaveNoFindingsAgainstTheirTestsInputSeries() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "promql-engine's rule-test corpus is not next to this module: skipping");
        YAMLMapper yaml = new YAMLMapper();
        // the rule files of one test file are checked together: a recording rule in one may feed a rule in another
        Map<List<String>, Map<String, List<Labels>>> seriesByRuleFiles = new LinkedHashMap<>();
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
            List<String> ruleFiles = new ArrayList<>();
            root.path("rule_files").forEach(f -> ruleFiles.add(f.asText()));
            Map<String, List<Labels>> all = seriesByRuleFiles.computeIfAbsent(ruleFiles, k -> new TreeMap<>());
            series.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        List<String> findings = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        int expressions = 0;
        for (Map.Entry<List<String>, Map<String, List<Labels>>> e : seriesByRuleFiles.entrySet()) {
            List<ExpressionSource> sources = new ArrayList<>();
            List<String> checked = new ArrayList<>();
            for (String name : e.getKey()) {
                Path rules = CORPUS.resolve(name);
                if (!Files.isRegularFile(rules)) {
                    continue; // globs and missing files, which those tests are about
                }
                try {
                    sources.addAll(ExpressionSource.fromRules(name, Files.readString(rules)));
                    checked.add(name);
                } catch (RuleValidationException broken) {
                    // the deliberately broken rule file
                }
            }
            if (sources.isEmpty()) {
                continue;
            }
            List<MetricFamily> families = new ArrayList<>();
            e.getValue().forEach((name, labels) -> families.add(new MetricFamily(name, MetricType.UNKNOWN, "", "",
                    labels.stream().map(l -> Sample.of(name, l, 0)).toList())));
            MetricCatalog catalog = MetricCatalog.from(new Exposition(families));
            CrossCheckReport r = CrossCheck.against(catalog).without(CrossCheck.Check.VALUE_NEVER_MATCHES)
                    .check(sources);
            r.findings().forEach(f -> findings.add(f.toString()));
            files.addAll(checked);
            expressions += r.expressions();
        }
        assertThat(findings).isEmpty();
        assertThat(files).hasSize(16);
        assertThat(expressions).isEqualTo(29);   // a rule file used by tests with different rule_files is checked once per set
    }
}
