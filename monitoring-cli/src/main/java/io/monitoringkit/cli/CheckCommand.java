package io.monitoringkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monitoringkit.exposition.ExpositionParseException;
import io.monitoringkit.grafana.DashboardExpressions;
import io.monitoringkit.grafana.DashboardReadException;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheckFinding;
import io.monitoringkit.metrics.CrossCheckReport;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.rules.RuleProblem;
import io.monitoringkit.rules.RuleValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mkit check --metrics EXPOSITION_OR_DIR FILE_OR_DIR...}: cross-checks every PromQL expression of rule
 * files, PrometheusRule manifests and dashboard JSON against the metrics an application exposes (see
 * {@link CrossCheck}).
 *
 * <pre>{@code
 * $ mkit check --metrics http://localhost:8080/metrics --metrics exporter.prom \
 *     --target-label namespace --allow 'kube_.*' rules/ dashboards/
 * $ mkit check --metrics checkout.prom --target-label namespace --allow 'kube_.*' rules/ dashboards/
 * rules/api.yml: group "api", alert "HighErrorRate", expr 1:10: error [unknown-metric]: metric ... nearest names: ...
 * $ echo $?
 * 1
 * }</pre>
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Check every PromQL expression of rule files, PrometheusRule manifests and Grafana dashboard "
                + "JSON against the metrics an application exposes: unknown metrics (with the nearest names), "
                + "unknown labels, label values never seen, rate() over gauges, histogram_quantile() without "
                + "_bucket or le, counters without _total. Recording rules among the files define series for "
                + "the others.",
                "Prints one line per finding: ARTIFACT: LOCATION LINE:COLUMN: SEVERITY [CHECK]: MESSAGE, sorted.",
                "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 invalid usage or unreadable input."})
final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--metrics", required = true, paramLabel = "EXPOSITION_OR_DIR_OR_URL",
            description = "An exposition (text format 0.0.4 or OpenMetrics, told apart by '# EOF'), e.g. a saved "
                    + "scrape, a directory of them, or an http(s) URL to scrape now. Repeat to combine catalogs "
                    + "(the app's and exporters').")
    List<String> metrics;

    @Option(names = "--allow", paramLabel = "NAME_OR_REGEX",
            description = "A metric that comes from elsewhere: an exact name, or an RE2 pattern matching whole names.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--target-label", paramLabel = "LABEL",
            description = "A label the scrape adds to every series besides job and instance (e.g. namespace, pod).")
    List<String> targetLabels = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "CHECK=LEVEL",
            description = "Report a check's findings as error, warning or info, e.g. value-never-matches=error.")
    List<String> severities = new ArrayList<>();

    @Option(names = "--disable", split = ",", paramLabel = "CHECK", description = "Checks to turn off.")
    List<String> disabled = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Rule files, PrometheusRule manifests, dashboard JSON, or directories of them "
                    + "(*.yml, *.yaml, *.json, recursively).")
    List<Path> files;

    /** Input the command cannot read: reported on standard error, exit code 2. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CrossCheck check;
        try {
            check = CrossCheck.against(MetricCatalog.of()).allow(allow.toArray(new String[0]))
                    .targetLabels(targetLabels.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        check = configureSeverities(check);
        List<ExpressionSource> sources = new ArrayList<>();
        int artifacts = 0;
        try {
            check = configureSeverities(CrossCheck.against(catalog()).allow(allow.toArray(new String[0]))
                    .targetLabels(targetLabels.toArray(new String[0])));
            List<Path> explicit = files.stream().filter(f -> !Files.isDirectory(f)).toList();
            for (Path f : expand(files)) {
                List<ExpressionSource> s = read(f, err, explicit.contains(f));
                if (s != null) {
                    sources.addAll(s);
                    artifacts++;
                }
            }
        } catch (Unreadable e) {
            err.println(e.getMessage());
            return 2;
        }
        CrossCheckReport report = check.check(sources);
        out.print(report.format());
        err.println("checked " + report.expressions() + " expressions in " + artifacts + " files: "
                + report.errors().size() + " errors, " + report.warnings().size() + " warnings");
        return report.hasErrors() ? Mkit.EXIT_PROBLEMS : 0;
    }

    private CrossCheck configureSeverities(CrossCheck check) {
        CrossCheck c = check;
        try {
            for (String s : severities) {
                int eq = s.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("\"" + s + "\" is not CHECK=LEVEL");
                }
                CrossCheckFinding.Severity level;
                try {
                    level = CrossCheckFinding.Severity.valueOf(s.substring(eq + 1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + s.substring(eq + 1) + "\" is not a level (error, "
                            + "warning or info)");
                }
                c = c.severity(CrossCheck.Check.byId(s.substring(0, eq)), level);
            }
            for (String d : disabled) {
                c = c.without(CrossCheck.Check.byId(d));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return c;
    }

    private MetricCatalog catalog() throws Unreadable {
        MetricCatalog all = MetricCatalog.of();
        for (String source : metrics) {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                all = all.plus(scrape(source));
                continue;
            }
            Path m = Path.of(source);
            List<Path> paths = new ArrayList<>();
            if (Files.isDirectory(m)) {
                try (Stream<Path> s = Files.walk(m)) {
                    s.filter(Files::isRegularFile).sorted().forEach(paths::add);
                } catch (IOException e) {
                    throw new Unreadable(m + ": cannot read: " + e.getMessage());
                }
                if (paths.isEmpty()) {
                    throw new Unreadable(m + ": no exposition in this directory");
                }
            } else {
                paths.add(m);
            }
            for (Path p : paths) {
                String text = readString(p);
                try {
                    all = all.plus(MetricCatalog.fromExposition(text));
                } catch (ExpositionParseException e) {
                    throw new Unreadable(p + ": not an exposition (" + (text.lines().anyMatch(l -> l.equals("# EOF"))
                            ? "openmetrics" : "prometheus_text") + "): " + e.getMessage().replace("\n", "\\n"));
                }
            }
        }
        return all;
    }

    /** Scrapes {@code url} once, negotiating the format as Prometheus does. */
    private static MetricCatalog scrape(String url) throws Unreadable {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .callTimeout(java.time.Duration.ofSeconds(30)).build();
        okhttp3.Request request;
        try {
            request = new okhttp3.Request.Builder().url(url)
                    .header("Accept", io.monitoringkit.exposition.ExpositionFormat.acceptHeader()).build();
        } catch (IllegalArgumentException e) {
            throw new Unreadable(url + ": not a URL: " + e.getMessage());
        }
        try (okhttp3.Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new Unreadable(url + ": HTTP " + response.code());
            }
            byte[] body = response.body().bytes();
            io.monitoringkit.exposition.ExpositionFormat format =
                    io.monitoringkit.exposition.ExpositionFormat.detect(response.header("Content-Type"));
            return MetricCatalog.from(io.monitoringkit.exposition.ExpositionParser.parse(body, format));
        } catch (IOException e) {
            throw new Unreadable(url + ": cannot scrape: " + e.getMessage());
        } catch (ExpositionParseException e) {
            throw new Unreadable(url + ": not an exposition: " + e.getMessage().replace("\n", "\\n"));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static List<Path> expand(List<Path> given) throws Unreadable {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(CheckCommand::checkable).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new Unreadable(p + ": cannot read: " + e.getMessage());
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean checkable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }

    private static String readString(Path p) throws Unreadable {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(p + ": cannot read: " + (Files.exists(p) ? e.getMessage() : "no such file"));
        }
    }

    /** @return the file's expressions, or null when it is neither a rule file nor a dashboard (then skipped). */
    private static List<ExpressionSource> read(Path p, PrintWriter err, boolean explicit) throws Unreadable {
        String text = readString(p);
        String artifact = p.toString();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            JsonNode tree;
            try {
                tree = JSON.readTree(text);
            } catch (IOException e) {
                throw new Unreadable(artifact + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            JsonNode d = tree.has("dashboard") && tree.get("dashboard").isObject() ? tree.get("dashboard") : tree;
            if (!d.has("panels") && !d.has("rows") && !d.has("templating")) {
                return skip(artifact + ": not a Grafana dashboard", err, explicit);
            }
            try {
                return DashboardExpressions.fromJson(artifact, text);
            } catch (DashboardReadException e) {
                throw new Unreadable(artifact + ": not a readable dashboard: " + String.join("; ", e.problems()));
            }
        }
        if (!isRuleYaml(text)) {
            return skip(artifact + ": neither a rule file nor a PrometheusRule manifest", err, explicit);
        }
        try {
            return ExpressionSource.fromRules(artifact, text);
        } catch (RuleValidationException e) {
            StringBuilder sb = new StringBuilder(artifact + ": not a valid rule file:");
            for (RuleProblem problem : e.problems()) {
                sb.append("\n  ").append(problem);
            }
            throw new Unreadable(sb.toString());
        }
    }

    private static List<ExpressionSource> skip(String why, PrintWriter err, boolean explicit) throws Unreadable {
        if (explicit) {
            throw new Unreadable(why);
        }
        err.println(why + ": skipped");
        return null;
    }

    private static boolean isRuleYaml(String text) {
        for (String line : text.lines().toList()) {
            if (line.startsWith("groups:") || line.matches("kind:\\s*PrometheusRule\\s*")) {
                return true;
            }
        }
        return false;
    }
}
