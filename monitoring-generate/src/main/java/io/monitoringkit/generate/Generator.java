package io.monitoringkit.generate;

import io.monitoringkit.alertmanager.AlertmanagerYaml;
import io.monitoringkit.alertmanager.ConfigProblem;
import io.monitoringkit.grafana.Dashboard;
import io.monitoringkit.grafana.DashboardLinter;
import io.monitoringkit.grafana.Dashboards;
import io.monitoringkit.grafana.DashboardExpressions;
import io.monitoringkit.grafana.LintFinding;
import io.monitoringkit.metrics.CrossCheck;
import io.monitoringkit.metrics.CrossCheckFinding;
import io.monitoringkit.metrics.ExpressionSource;
import io.monitoringkit.metrics.MetricCatalog;
import io.monitoringkit.operator.ManifestCheck;
import io.monitoringkit.operator.Manifests;
import io.monitoringkit.operator.Violation;
import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link MonitoringDefinition}s, writes what they add under an output directory and validates all of it,
 * collecting every finding instead of stopping at the first:
 *
 * <ul>
 *   <li>rule files and PrometheusRules as {@code mkit rules check} does ({@link RuleFiles#check}, for the
 *       configured Prometheus version);</li>
 *   <li>Prometheus Operator manifests as {@code mkit manifests validate} does ({@link Manifests#check});</li>
 *   <li>dashboards, and the dashboards inside sidecar ConfigMaps, with the {@link DashboardLinter}, and their uids
 *       for collisions;</li>
 *   <li>Alertmanager configurations as {@code amtool check-config} does ({@link AlertmanagerYaml#check});</li>
 *   <li>when a {@link MetricCatalog} is known (the definition's or the generator's), every rule, panel and
 *       variable query against the metrics the service exposes, with {@link CrossCheck} (recording rules define
 *       the series they record, so panels may use them).</li>
 * </ul>
 *
 * <p>A definition that throws is reported by name and the others still run; two artifacts with the same path
 * are an error. Files are written even when there are findings, so they can be inspected; the folders the
 * generator owns ({@code rules/}, {@code manifests/}, {@code dashboards/}, {@code alertmanager/}) are emptied
 * first so no stale file survives.
 *
 * <pre>{@code
 * GenerationResult result = Generator.builder(Path.of("target/monitoring"))
 *         .prometheusVersion("2.42")
 *         .build()
 *         .generate(List.of(new CheckoutMonitoringDefinition()));
 * result.findings().forEach(System.err::println);
 * // ERROR CheckoutMonitoringDefinition rules/checkout.rules.yml [rules]: 12:11: group "checkout", rule 2, ...
 * }</pre>
 */
public final class Generator {

    private static final Pattern CONFIGMAP_JSON = Pattern.compile("(?m)^  \\S+\\.json: \\|\\n((?:    .*\\n?|\\n)*)");

    private final Path outputDirectory;
    private final String prometheusVersion;
    private final DashboardLinter linter;
    private final Optional<CrossCheck> crossCheck;
    private final boolean write;

    private Generator(Builder b) {
        this.outputDirectory = b.outputDirectory;
        this.prometheusVersion = b.prometheusVersion;
        this.linter = b.linter;
        this.crossCheck = Optional.ofNullable(b.crossCheck);
        this.write = b.write;
    }

    /** @return a builder writing under {@code outputDirectory}. */
    public static Builder builder(Path outputDirectory) {
        return new Builder(outputDirectory);
    }

    /** @return where the files go. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** Runs, writes and validates these definitions. @return the artifacts and every finding */
    public GenerationResult generate(MonitoringDefinition... definitions) {
        return generate(List.of(definitions));
    }

    /**
     * Runs, writes and validates these definitions.
     *
     * @return the artifacts and every finding
     * @throws UncheckedIOException when the output directory cannot be written
     */
    public GenerationResult generate(List<? extends MonitoringDefinition> definitions) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Artifact> byPath = new LinkedHashMap<>();
        Map<String, String[]> dashboardUids = new LinkedHashMap<>();
        for (MonitoringDefinition definition : definitions) {
            String name = nameOf(definition);
            MonitoringOutput out = new MonitoringOutput(name);
            try {
                definition.define(out);
            } catch (RuntimeException | LinkageError e) {
                findings.add(new Finding(Finding.Severity.ERROR, name, "", "define", "define() failed: " + describe(e)));
            }
            findings.addAll(out.findings());
            List<Artifact> accepted = new ArrayList<>();
            for (Artifact a : out.artifacts()) {
                Artifact earlier = byPath.get(a.path());
                if (earlier != null) {
                    findings.add(new Finding(Finding.Severity.ERROR, name, a.path(), "output", "also added by "
                            + (earlier.definition().equals(name) ? "this definition" : earlier.definition())
                            + "; this one is not written"));
                    continue;
                }
                byPath.put(a.path(), a);
                accepted.add(a);
            }
            for (Artifact a : accepted) {
                validate(a, findings, dashboardUids);
            }
            Optional<CrossCheck> metrics = out.crossCheck().or(() -> crossCheck);
            if (metrics.isPresent()) {
                crossCheck(accepted, metrics.get(), findings);
            }
        }
        List<Artifact> artifacts = List.copyOf(byPath.values());
        if (write) {
            writeAll(artifacts);
        }
        return new GenerationResult(outputDirectory, artifacts, findings);
    }

    // ---- validation ----

    private void validate(Artifact a, List<Finding> findings, Map<String, String[]> dashboardUids) {
        switch (a.kind()) {
            case RULES -> checkRules(a, findings);
            case MANIFEST -> checkManifests(a, findings);
            case DASHBOARD -> checkDashboard(a, a.content(), findings, dashboardUids);
            case DASHBOARD_CONFIGMAP -> {
                Optional<String> json = configMapJson(a.content());
                if (json.isEmpty()) {
                    findings.add(error(a, "dashboards", "no dashboard JSON found under data"));
                } else {
                    checkDashboard(a, json.get(), findings, dashboardUids);
                }
            }
            case ALERTMANAGER -> {
                for (ConfigProblem p : AlertmanagerYaml.check(a.content())) {
                    findings.add(error(a, "alertmanager", p.toString()));
                }
            }
            default -> throw new IllegalStateException(a.kind().name());
        }
    }

    private void checkRules(Artifact a, List<Finding> findings) {
        RuleCheck check = RuleFiles.check(a.content(), a.path(), prometheusVersion);
        for (RuleProblem p : check.problems()) {
            findings.add(new Finding(p.isError() ? Finding.Severity.ERROR : Finding.Severity.WARNING, a.definition(),
                    a.path(), "rules", withoutFile(p.toString(), a.path())));
        }
    }

    private void checkManifests(Artifact a, List<Finding> findings) {
        List<ManifestCheck> checks;
        try {
            checks = Manifests.check(a.content());
        } catch (IllegalArgumentException e) {
            findings.add(error(a, "manifests", e.getMessage()));
            return;
        }
        if (checks.isEmpty()) {
            findings.add(error(a, "manifests", "no manifest in the file"));
        }
        boolean validRules = false;
        for (ManifestCheck c : checks) {
            for (Violation v : c.violations()) {
                findings.add(error(a, "manifests", c.subject() + ": " + v));
            }
            validRules |= c.isValid() && c.kind().equals("PrometheusRule");
        }
        if (validRules && checks.stream().allMatch(ManifestCheck::isValid)) {
            checkRules(a, findings);   // the configured version's rule checks and the warnings, once per file
        }
    }

    private void checkDashboard(Artifact a, String json, List<Finding> findings, Map<String, String[]> uids) {
        Dashboard d;
        try {
            d = Dashboards.read(json);
        } catch (RuntimeException e) {
            findings.add(error(a, "dashboards", describe(e)));
            return;
        }
        Optional<String> uid = d.uid();
        if (uid.isPresent()) {
            String canonical = Dashboards.writeCompact(d);
            String[] other = uids.putIfAbsent(uid.get(), new String[] {a.path(), canonical});
            if (other != null) {
                if (other[1].equals(canonical)) {
                    return;   // the same dashboard again (as JSON and in its ConfigMap): linted once
                }
                findings.add(error(a, "dashboards", "uid \"" + uid.get() + "\" is also the uid of " + other[0]
                        + ", a different dashboard; Grafana keeps only one of them"));
            }
        }
        for (LintFinding f : linter.lint(d).findings()) {
            findings.add(new Finding(f.severity() == io.monitoringkit.grafana.Severity.ERROR ? Finding.Severity.ERROR
                    : Finding.Severity.WARNING, a.definition(), a.path(), "dashboards",
                    f.rule() + " " + f.path() + ": " + f.message()));
        }
    }

    // ---- metrics ----

    private static void crossCheck(List<Artifact> artifacts, CrossCheck check, List<Finding> findings) {
        List<ExpressionSource> sources = new ArrayList<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Artifact a : artifacts) {
            definitions.put(a.path(), a.definition());
            try {
                switch (a.kind()) {
                    case RULES -> sources.addAll(ExpressionSource.fromRules(a.path(), a.content()));
                    case MANIFEST -> {
                        if (a.content().contains("PrometheusRule")) {
                            sources.addAll(ExpressionSource.fromRules(a.path(), a.content()));
                        }
                    }
                    case DASHBOARD -> sources.addAll(DashboardExpressions.of(a.path(), Dashboards.read(a.content())));
                    case DASHBOARD_CONFIGMAP -> {
                        Optional<String> json = configMapJson(a.content());
                        if (json.isPresent()) {
                            sources.addAll(DashboardExpressions.of(a.path(), Dashboards.read(json.get())));
                        }
                    }
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                // not readable: the artifact's own check has reported why
            }
        }
        for (CrossCheckFinding f : check.check(sources).findings()) {
            Finding.Severity severity = f.severity() == CrossCheckFinding.Severity.ERROR ? Finding.Severity.ERROR
                    : Finding.Severity.WARNING;
            findings.add(new Finding(severity, definitions.getOrDefault(f.artifact(), ""), f.artifact(), "metrics",
                    f.location() + " " + f.line() + ":" + f.column() + ": [" + f.check() + "] " + f.message()));
        }
    }

    // ---- output ----

    private void writeAll(List<Artifact> artifacts) {
        try {
            for (Artifact.Kind kind : Artifact.Kind.values()) {
                Path folder = outputDirectory.resolve(kind.folder());
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> s = Files.walk(folder)) {
                        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            for (Artifact a : artifacts) {
                Path file = outputDirectory.resolve(a.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, a.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    // ---- helpers ----

    private static Optional<String> configMapJson(String yaml) {
        Matcher m = CONFIGMAP_JSON.matcher(yaml);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).replaceAll("(?m)^    ", ""));
    }

    private static String nameOf(MonitoringDefinition d) {
        try {
            String n = d.name();
            return n == null || n.isBlank() ? d.getClass().getName() : n;
        } catch (RuntimeException e) {
            return d.getClass().getName();
        }
    }

    private static Finding error(Artifact a, String check, String message) {
        return new Finding(Finding.Severity.ERROR, a.definition(), a.path(), check, message);
    }

    private static String withoutFile(String problem, String file) {
        String s = problem.startsWith(file) ? problem.substring(file.length()) : problem;
        return s.startsWith(": ") ? s.substring(2) : s.startsWith(":") ? s.substring(1) : s;
    }

    /** @return the exception's class and message, with its causes' messages; never its stack trace. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable c = e.getCause();
        for (int depth = 0; c != null && c != e && depth < 5; depth++, c = c.getCause()) {
            if (c.getMessage() != null && (e.getMessage() == null || !e.getMessage().contains(c.getMessage()))) {
                sb.append(" (caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage())
                        .append(')');
            }
        }
        return sb.toString();
    }

    /**
     * Options of a {@link Generator}.
     *
     * <pre>{@code
     * Generator g = Generator.builder(Path.of("target/monitoring"))
     *         .prometheusVersion("2.42")
     *         .dashboardLinter(DashboardLinter.defaults().without("panel-units"))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Path outputDirectory;
        private String prometheusVersion = RuleFiles.DEFAULT_VERSION;
        private DashboardLinter linter = DashboardLinter.defaults();
        private CrossCheck crossCheck;
        private boolean write = true;

        private Builder(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
        }

        /**
         * @param version the Prometheus version rule files are checked for (default {@link RuleFiles#DEFAULT_VERSION})
         * @return this
         * @throws IllegalArgumentException when it is not a version such as {@code 2.42} or {@code 3.1.0}
         */
        public Builder prometheusVersion(String version) {
            RuleFiles.check("", "version-check", version);   // fails on a malformed version
            this.prometheusVersion = version;
            return this;
        }

        /** @param linter the dashboard linter (default: every rule) @return this */
        public Builder dashboardLinter(DashboardLinter linter) {
            this.linter = Objects.requireNonNull(linter, "linter");
            return this;
        }

        /**
         * @param catalog metrics to check every definition's queries against ({@code CrossCheck.against(catalog)}),
         *     unless the definition sets its own
         * @return this
         */
        public Builder metricCatalog(MetricCatalog catalog) {
            return crossCheck(CrossCheck.against(catalog));
        }

        /** @param check the cross-check for definitions that set none of their own @return this */
        public Builder crossCheck(CrossCheck check) {
            this.crossCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** @param write false to validate only, writing nothing (default true) @return this */
        public Builder write(boolean write) {
            this.write = write;
            return this;
        }

        /** @return the generator */
        public Generator build() {
            return new Generator(this);
        }
    }
}
