package io.monitoringkit.template;

import io.monitoringkit.template.internal.Executor;
import io.monitoringkit.template.internal.Func;
import io.monitoringkit.template.internal.Functions;
import io.monitoringkit.template.internal.GoValues;
import io.monitoringkit.template.internal.Lint;
import io.monitoringkit.template.internal.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point for Prometheus' template language: Go's text/template with Prometheus' functions, as used in the
 * labels and annotations of alerting rules.
 *
 * <pre>{@code
 * Template t = Templates.parse("summary", "{{ $labels.instance }} down for {{ 300 | humanizeDuration }}");
 * String s = t.render(TemplateData.forAlert(Labels.of("instance", "a:9090"), 1)); // "a:9090 down for 5m 0s"
 *
 * List<TemplateProblem> problems = Templates.validate("{{ $labels.job }");
 * // [error at 1:16: unexpected "}" in operand]
 *
 * // exactly what Prometheus puts into an alert, error text included
 * Templates.expandAlertTemplate("HighLatency", "{{ $value }}", TemplateData.forAlert(Labels.empty(), 1e6)); // "1e+06"
 * }</pre>
 */
public final class Templates {

    private Templates() {
    }

    /** Parsed alert templates (or their parse error text) by name and text: rules expand the same ones often. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Object> ALERT_TEMPLATES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int ALERT_TEMPLATE_CACHE_SIZE = 4096;

    /** The text Prometheus prepends to every alert template. */
    public static final String ALERT_PREFIX = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
            + "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    /**
     * Parses an alert template. {@code $labels}, {@code $value}, {@code $externalLabels} and {@code $externalURL}
     * are declared, as Prometheus declares them.
     *
     * @param name the template's name, used in messages (Prometheus uses {@code __alert_} + the alert's name)
     * @param text the template
     * @throws TemplateParseException when Prometheus would reject the template
     */
    public static Template parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        try {
            return new Template(Parser.parse(name, text, Functions.ALL_NAMES, Template.ALERT_VARIABLES));
        } catch (Parser.ParseError e) {
            throw new TemplateParseException(name, e.line(), column(text, e.pos()), e.reason());
        }
    }

    /**
     * Checks a template: an error when Prometheus would reject it, warnings where it is accepted but rendering
     * would fail or mislead. The list is empty for a good template.
     */
    public static List<TemplateProblem> validate(String text) {
        Objects.requireNonNull(text, "text");
        List<TemplateProblem> problems = new ArrayList<>();
        Parser.Parsed parsed;
        try {
            parsed = Parser.parse("template", text, Functions.ALL_NAMES, Template.ALERT_VARIABLES);
        } catch (Parser.ParseError e) {
            problems.add(new TemplateProblem(TemplateProblem.Severity.ERROR, e.line(), column(text, e.pos()),
                    e.reason()));
            return List.copyOf(problems);
        }
        for (Lint.Warning w : Lint.check(parsed)) {
            int line = 1 + (int) text.substring(0, w.pos()).chars().filter(c -> c == '\n').count();
            problems.add(new TemplateProblem(TemplateProblem.Severity.WARNING, line, column(text, w.pos()),
                    w.message()));
        }
        return List.copyOf(problems);
    }

    /**
     * Expands an alert's label or annotation template exactly as Prometheus' rule manager does: the template is
     * named {@code __alert_<alertName>}, the variable declarations are prepended, and a failure yields
     * {@code <error expanding template: ...>} instead of an exception.
     *
     * @return the expansion, or Prometheus' error text
     */
    public static String expandAlertTemplate(String alertName, String text, TemplateData data) {
        Objects.requireNonNull(alertName, "alertName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(data, "data");
        String name = "__alert_" + alertName;
        Object cached = ALERT_TEMPLATES.get(name + '\0' + text);
        if (cached == null) {
            try {
                cached = Parser.parse(name, ALERT_PREFIX + text, Functions.ALL_NAMES, List.of());
            } catch (Parser.ParseError e) {
                cached = "<error expanding template: error parsing template " + name + ": template: " + name + ":"
                        + e.line() + ": " + e.reason() + ">";
            }
            if (ALERT_TEMPLATES.size() >= ALERT_TEMPLATE_CACHE_SIZE) {
                ALERT_TEMPLATES.clear();
            }
            ALERT_TEMPLATES.put(name + '\0' + text, cached);
        }
        if (cached instanceof String parseError) {
            return parseError;
        }
        Parser.Parsed parsed = (Parser.Parsed) cached;
        Map<String, Func> funcs = Functions.create(env(data));
        try {
            return Executor.execute(parsed, dot(data), Map.of(), funcs);
        } catch (Executor.ExecError e) {
            return "<error expanding template: error executing template " + name + ": " + e.getMessage() + ">";
        }
    }

    /** @return the names of all functions templates may call (text/template's and Prometheus 3.x'). */
    public static Set<String> functionNames() {
        return Functions.ALL_NAMES;
    }

    /**
     * @return the functions a given Prometheus version offers to templates ({@code toTime} since 2.38,
     *     {@code toDuration} and {@code now} since 3.6, {@code urlQueryEscape} since 3.8, ...)
     * @throws IllegalArgumentException when {@code prometheusVersion} is not like {@code 2.42} or {@code 3.1.0}
     */
    public static Set<String> functionNamesIn(String prometheusVersion) {
        int[] v = version(prometheusVersion);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String f : Functions.ALL_NAMES) {
            if (Functions.availableIn(f, v[0], v[1])) {
                names.add(f);
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    static int[] version(String version) {
        Objects.requireNonNull(version, "version");
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + version + "\" is not a Prometheus version (e.g. 2.45 or 3.1.0)");
        }
    }

    /**
     * Parses an alert template as {@code prometheusVersion} would: functions that version lacks are
     * {@code not defined}.
     *
     * @throws TemplateParseException when that Prometheus would reject the template
     */
    public static Template parse(String name, String text, String prometheusVersion) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        try {
            return new Template(Parser.parse(name, text, functionNamesIn(prometheusVersion),
                    Template.ALERT_VARIABLES));
        } catch (Parser.ParseError e) {
            throw new TemplateParseException(name, e.line(), column(text, e.pos()), e.reason());
        }
    }

    /** @return the names of the functions Prometheus 3.x adds to text/template's. */
    public static Set<String> prometheusFunctionNames() {
        return Functions.PROMETHEUS_NAMES;
    }

    // ---- shared with Template

    static GoValues.AlertData dot(TemplateData data) {
        return new GoValues.AlertData(GoValues.GoMap.ofStrings(data.labels().asMap()),
                GoValues.GoMap.ofStrings(data.externalLabels().asMap()), data.externalUrl(), data.value());
    }

    static Functions.Env env(TemplateData data) {
        return new Functions.Env() {
            @Override
            public List<GoValues.Sample> query(String expr) throws Func.FuncException {
                List<TemplateSample> result;
                try {
                    result = data.queryFunction().query(expr, data.evaluationTime());
                } catch (RuntimeException e) {
                    throw new Func.FuncException(e.getMessage() == null ? e.toString() : e.getMessage());
                }
                List<GoValues.Sample> samples = new ArrayList<>(result.size());
                for (TemplateSample s : result) {
                    samples.add(new GoValues.Sample(GoValues.GoMap.ofStrings(new LinkedHashMap<>(s.labels().asMap())),
                            s.value()));
                }
                return samples;
            }

            @Override
            public String externalUrl() {
                return data.externalUrl();
            }

            @Override
            public double nowSeconds() {
                return data.evaluationTime().getEpochSecond() + data.evaluationTime().getNano() / 1e9;
            }
        };
    }

    static TemplateExecException toException(Executor.ExecError e, String text) {
        return new TemplateExecException(e.getMessage(), e.executing(), e.line(), column(text, e.pos()),
                e.context(), e.reason());
    }

    /** @return the 1-based character column of offset {@code pos}. */
    static int column(String text, int pos) {
        int p = Math.max(0, Math.min(pos, text.length()));
        int nl = text.lastIndexOf('\n', p - 1);
        return p - (nl + 1) + 1;
    }
}
