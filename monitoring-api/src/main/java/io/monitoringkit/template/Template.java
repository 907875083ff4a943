package io.monitoringkit.template;

import io.monitoringkit.template.internal.Executor;
import io.monitoringkit.template.internal.Func;
import io.monitoringkit.template.internal.Functions;
import io.monitoringkit.template.internal.GoValues;
import io.monitoringkit.template.internal.Parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Prometheus alert template (Go text/template with Prometheus' functions). Immutable and thread-safe;
 * parse once, render many times. Obtain one with {@link Templates#parse(String, String)}.
 *
 * <pre>{@code
 * Template t = Templates.parse("summary", "{{ $labels.job }} is at {{ $value | humanizePercentage }}");
 * t.render(TemplateData.forAlert(Labels.of("job", "api"), 0.1234)); // "api is at 12.34%"
 * }</pre>
 */
public final class Template {

    /** The variables Prometheus declares before each alert template. */
    static final List<String> ALERT_VARIABLES = List.of("$labels", "$externalLabels", "$externalURL", "$value");

    private final Parser.Parsed parsed;

    Template(Parser.Parsed parsed) {
        this.parsed = parsed;
    }

    /** @return the template's name. */
    public String name() {
        return parsed.name();
    }

    /** @return the template's text. */
    public String text() {
        return parsed.text();
    }

    /** @return the names of the functions the template uses (in order of first use). */
    public Set<String> functions() {
        return parsed.functions();
    }

    /** @return the names of the templates it defines with {@code define} or {@code block}, and its own. */
    public Set<String> definedTemplates() {
        return parsed.trees().keySet();
    }

    /**
     * Renders the template as Prometheus renders an alert's label or annotation.
     *
     * @throws TemplateExecException when rendering fails, as it would in Prometheus
     */
    public String render(TemplateData data) {
        Objects.requireNonNull(data, "data");
        GoValues.AlertData dot = Templates.dot(data);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("$labels", dot.labels());
        vars.put("$externalLabels", dot.externalLabels());
        vars.put("$externalURL", dot.externalUrl());
        vars.put("$value", dot.value());
        Map<String, Func> funcs = Functions.create(Templates.env(data));
        try {
            return Executor.execute(parsed, dot, vars, funcs);
        } catch (Executor.ExecError e) {
            throw Templates.toException(e, parsed.text());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template t && t.name().equals(name()) && t.text().equals(text());
    }

    @Override
    public int hashCode() {
        return name().hashCode() * 31 + text().hashCode();
    }

    /** @return the template's text. */
    @Override
    public String toString() {
        return text();
    }
}
