package io.monitoringkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;
import io.monitoringkit.exposition.ExpositionFormat;
import io.monitoringkit.exposition.ExpositionParser;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheckReport;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.Rule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The labels CrossCheck infers for recorded series, against what the in-process engine computes: the checkout
 * service and the payments exporter are scraped twice (target labels job, instance, namespace), every recording
 * rule of the corpus is evaluated in order and its output written back, as Prometheus does. Every label of every
 * recorded series must be among the inferred ones (so a label CrossCheck calls unknown really never exists), and
 * for these rules the inferred set is exact.
 */
class CrossCheckSoundnessTest {

    private static final Path CORPUS = Path.of("../monitoring-api/src/test/resources/io/monitoringkit/metrics/crosscheck");

    @Test
    void inferredLabelsOfRecordedSeriesAreExactlyThoseTheEngineProduces() throws IOException {
        String app = Files.readString(CORPUS.resolve("checkout.prom"));
        String exporter = Files.readString(CORPUS.resolve("payments-exporter.om.txt"));
        Storage storage = Storage.create();
        Labels appTarget = Labels.of("job", "checkout", "instance", "checkout-0:8080", "namespace", "shop");
        Labels exporterTarget = Labels.of("job", "payments-exporter", "instance", "payments-0:9100",
                "namespace", "shop");
        for (int t : new int[] {0, 30, 60}) {
            storage.scrape(appTarget, app, ExpositionFormat.PROMETHEUS_TEXT, Instant.ofEpochSecond(t));
            storage.scrape(exporterTarget, exporter, ExpositionFormat.OPENMETRICS, Instant.ofEpochSecond(t));
        }
        PromEngine engine = PromEngine.create(storage);
        RuleFile rules = RuleFiles.read(Files.readString(CORPUS.resolve("checkout-rules.yml")), "checkout-rules.yml");
        RuleFile slo = RuleFiles.read(Files.readString(CORPUS.resolve("checkout-prometheusrule.yaml")), "slo.yaml")
                .groups().stream().filter(g -> g.name().equals("checkout-slo")).collect(
                        java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                                RuleFile::of));
        Instant at = Instant.ofEpochSecond(60);
        Map<String, SortedSet<String>> actual = new TreeMap<>();
        for (RuleFile file : List.of(rules, slo)) {
            for (RuleGroup g : file.groups()) {
                for (Rule r : g.rules()) {
                    if (!(r instanceof RecordingRule rec)) {
                        continue;
                    }
                    QueryResult.Vector v = engine.query(rec.expr(), QueryOptions.defaults().time(at)).asVector();
                    SortedSet<String> names = actual.computeIfAbsent(rec.record(), k -> new TreeSet<>());
                    for (int i = 0; i < v.size(); i++) {
                        Map<String, String> labels = new TreeMap<>();
                        Labels l = v.labels(i).withoutMetricName();
                        for (int j = 0; j < l.size(); j++) {
                            labels.put(l.name(j), l.get(l.name(j)).orElseThrow());
                        }
                        labels.putAll(g.labels());
                        labels.putAll(rec.labels());
                        labels.put("__name__", rec.record());
                        names.addAll(labels.keySet());
                        names.remove("__name__");
                        List<String> kv = new ArrayList<>();
                        labels.forEach((k, x) -> {
                            kv.add(k);
                            kv.add(x);
                        });
                        storage.append(Labels.of(kv.toArray(new String[0])), at, v.value(i));
                    }
                    assertThat(v.size()).as(rec.record() + " has series").isPositive();
                }
            }
        }
        MetricCatalog catalog = MetricCatalog.from(ExpositionParser.parse(app, ExpositionFormat.PROMETHEUS_TEXT))
                .plus(MetricCatalog.from(ExpositionParser.parse(exporter, ExpositionFormat.OPENMETRICS)));
        List<ExpressionSource> sources = new ArrayList<>(ExpressionSource.fromRules("rules", rules));
        sources.addAll(ExpressionSource.fromRules("slo", slo));
        CrossCheckReport report = CrossCheck.against(catalog).targetLabels("namespace").check(sources);
        assertThat(actual).hasSize(9);
        assertThat(report.recordedLabels()).isEqualTo(actual);
    }

    /** The label algebra case by case: each expression's inferred labels equal those of the engine's result. */
    @Test
    void everyLabelRuleOfTheInferenceAgreesWithTheEngine() {
        Storage storage = Storage.create().load("""
                load 1m
                  req_total{job="api", instance="a:1", code="200", route="/"} 0+10x5
                  req_total{job="api", instance="a:1", code="500", route="/x"} 0+1x5
                  temp_celsius{job="sensors", instance="s:1", room="kitchen"} 20x5
                  temp_celsius{job="sensors", instance="s:1", room="hall"} 18x5
                  lat_seconds_bucket{job="api", instance="a:1", route="/", le="0.1"} 0+5x5
                  lat_seconds_bucket{job="api", instance="a:1", route="/", le="+Inf"} 0+9x5
                  build_info{job="api", instance="a:1", version="1.2", revision="abc"} 1x5
                  build_info{job="sensors", instance="s:1", version="0.3", revision="def"} 1x5
                """);
        PromEngine engine = PromEngine.create(storage);
        Map<String, String> exprs = new TreeMap<>(Map.ofEntries(
                Map.entry("by:x", "sum by (code) (rate(req_total[5m]))"),
                Map.entry("without:x", "sum without (code) (rate(req_total[5m]))"),
                Map.entry("on:x", "rate(req_total[5m]) / on (route) group_left sum by (route) (rate(req_total[5m]))"),
                Map.entry("ignoring:x", "rate(req_total[5m]) / ignoring (code) sum without (code) (rate(req_total[5m]))"),
                Map.entry("one:x", "rate(req_total[5m]) / on (route, job) rate(req_total[5m])"),
                Map.entry("left:x", "rate(req_total[5m]) * on (job, instance) group_left (version) build_info"),
                Map.entry("right:x", "build_info * on (job, instance) group_right (version) temp_celsius"),
                Map.entry("replace:x", "label_replace(rate(req_total[5m]), \"path\", \"$1\", \"route\", \"(.*)\")"),
                Map.entry("join:x", "label_join(temp_celsius, \"where\", \"-\", \"room\", \"job\")"),
                Map.entry("values:x", "count_values(\"value\", temp_celsius) by (room)"),
                Map.entry("or:x", "sum by (code) (req_total) or sum by (room) (temp_celsius)"),
                Map.entry("and:x", "req_total and on (job) build_info"),
                Map.entry("quantile:x", "histogram_quantile(0.9, sum by (le, route) (rate(lat_seconds_bucket[5m])))"),
                Map.entry("topk:x", "topk(1, temp_celsius)"),
                Map.entry("absent:x", "absent(nothing{job=\"api\", route=~\".*\"})"),
                Map.entry("scalar:x", "temp_celsius * 2 > scalar(sum(build_info))"),
                Map.entry("vector:x", "vector(1)")));
        MetricCatalog catalog = MetricCatalog.of(
                io.monitoringkit.metrics.MetricDescriptor.counter("req_total", "code", "route"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("temp_celsius", "room"),
                io.monitoringkit.metrics.MetricDescriptor.histogram("lat_seconds", "route"),
                io.monitoringkit.metrics.MetricDescriptor.gauge("build_info", "version", "revision"));
        List<ExpressionSource> sources = new ArrayList<>();
        Map<String, SortedSet<String>> actual = new TreeMap<>();
        exprs.forEach((name, expr) -> {
            sources.add(ExpressionSource.recording("t", name, name, expr, Map.of()));
            QueryResult.Vector v = engine.query(expr, Instant.ofEpochSecond(240)).asVector();
            assertThat(v.size()).as(name).isPositive();
            SortedSet<String> names = new TreeSet<>();
            for (int i = 0; i < v.size(); i++) {
                names.addAll(v.labels(i).withoutMetricName().names());
            }
            actual.put(name, names);
        });
        CrossCheckReport report = CrossCheck.against(catalog.withTargetLabels()).allow("nothing").check(sources);
        assertThat(report.findings()).isEmpty();
        assertThat(report.recordedLabels()).isEqualTo(actual);
    }
}
