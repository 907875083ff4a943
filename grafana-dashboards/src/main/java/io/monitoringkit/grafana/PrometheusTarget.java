package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQLParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Prometheus query of a panel: the expression (from a typed {@link Expr}, rendered by
 * {@link GrafanaPromQL#render}, or from text checked by the PromQL parser), legend, instant/range, format,
 * interval and exemplars.
 *
 * <pre>{@code
 * PrometheusTarget t = PrometheusTarget.builder()
 *         .expr(sum(rate(metric("http_requests_total").over(GrafanaPromQL.RATE_INTERVAL))).by("code"))
 *         .legendFormat("{{code}}")
 *         .build();
 * }</pre>
 */
public final class PrometheusTarget implements Target {

    /** Grafana's result formats for Prometheus queries. */
    public enum Format {
        /** {@code time_series} (the default). */
        TIME_SERIES("time_series"),
        /** {@code table}. */
        TABLE("table"),
        /** {@code heatmap}: buckets sorted by {@code le}. */
        HEATMAP("heatmap");

        private final String json;

        Format(String json) {
            this.json = json;
        }

        /** @return the JSON value. */
        public String json() {
            return json;
        }
    }

    private final String refId;
    private final DatasourceRef datasource;
    private final String expr;
    private final String legendFormat;
    private final Boolean instant;
    private final Boolean range;
    private final String format;
    private final String interval;
    private final Boolean exemplar;
    private final Boolean hide;
    private final String editorMode;
    private final Integer intervalFactor;
    private final ObjectNode extra;

    private PrometheusTarget(Builder b) {
        this.refId = b.refId;
        this.datasource = b.datasource;
        this.expr = b.expr;
        this.legendFormat = b.legendFormat;
        this.instant = b.instant;
        this.range = b.range;
        this.format = b.format;
        this.interval = b.interval;
        this.exemplar = b.exemplar;
        this.hide = b.hide;
        this.editorMode = b.editorMode;
        this.intervalFactor = b.intervalFactor;
        this.extra = b.extra;
    }

    /** @return a range query of {@code expr}. */
    public static PrometheusTarget of(Expr expr) {
        return builder().expr(expr).build();
    }

    /** @return a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    static PrometheusTarget read(In in) {
        Builder b = new Builder();
        b.refId = in.str("refId");
        b.datasource = in.datasource("datasource");
        b.expr = in.str("expr");
        b.legendFormat = in.str("legendFormat");
        b.instant = in.bool("instant");
        b.range = in.bool("range");
        b.format = in.str("format");
        b.interval = in.str("interval");
        b.exemplar = in.bool("exemplar");
        b.hide = in.bool("hide");
        b.editorMode = in.str("editorMode");
        b.intervalFactor = in.integer("intervalFactor");
        b.extra = in.extra();
        return new PrometheusTarget(b);
    }

    /** @return a builder holding this target's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.refId = refId;
        b.datasource = datasource;
        b.expr = expr;
        b.legendFormat = legendFormat;
        b.instant = instant;
        b.range = range;
        b.format = format;
        b.interval = interval;
        b.exemplar = exemplar;
        b.hide = hide;
        b.editorMode = editorMode;
        b.intervalFactor = intervalFactor;
        b.extra = extra;
        return b;
    }

    @Override
    public Optional<String> refId() {
        return Optional.ofNullable(refId);
    }

    @Override
    public Optional<DatasourceRef> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** @return the query text as stored in the dashboard (with Grafana variables and macros). */
    public String expr() {
        return expr == null ? "" : expr;
    }

    /** @return the legend format, e.g. {@code {{pod}}}. */
    public Optional<String> legendFormat() {
        return Optional.ofNullable(legendFormat);
    }

    /** @return whether the query is an instant query (explicitly set). */
    public Optional<Boolean> instant() {
        return Optional.ofNullable(instant);
    }

    /** @return whether the query is a range query (explicitly set). */
    public Optional<Boolean> range() {
        return Optional.ofNullable(range);
    }

    /** @return the format ({@code time_series}, {@code table}, {@code heatmap}). */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /** @return the minimum step, e.g. {@code 1m}. */
    public Optional<String> interval() {
        return Optional.ofNullable(interval);
    }

    /** @return whether exemplars are queried. */
    public Optional<Boolean> exemplar() {
        return Optional.ofNullable(exemplar);
    }

    /** @return whether the query is hidden. */
    public boolean hidden() {
        return Boolean.TRUE.equals(hide);
    }

    @Override
    public PrometheusTarget withRefId(String id) {
        Builder b = toBuilder();
        b.refId = id;
        return new PrometheusTarget(b);
    }

    @Override
    public ObjectNode toJson() {
        return new Out().str("refId", refId).datasource("datasource", datasource).str("expr", expr)
                .str("legendFormat", legendFormat).bool("instant", instant).bool("range", range)
                .str("format", format).str("interval", interval).bool("exemplar", exemplar).bool("hide", hide)
                .str("editorMode", editorMode).integer("intervalFactor", intervalFactor).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrometheusTarget t && Json.valueEquals(toJson(), t.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(refId, expr);
    }

    @Override
    public String toString() {
        return Json.compact(toJson());
    }

    /**
     * Builds a {@link PrometheusTarget}.
     *
     * <pre>{@code
     * PrometheusTarget.builder().expr("up{job=\"$job\"}").instant().format(Format.TABLE).build();
     * }</pre>
     */
    public static final class Builder {
        private String refId;
        private DatasourceRef datasource;
        private String expr;
        private String legendFormat;
        private Boolean instant;
        private Boolean range;
        private String format;
        private String interval;
        private Boolean exemplar;
        private Boolean hide;
        private String editorMode;
        private Integer intervalFactor;
        private ObjectNode extra;

        private Builder() {
        }

        /** Sets the expression from the typed AST, rendered by {@link GrafanaPromQL#render}. */
        public Builder expr(Expr e) {
            this.expr = GrafanaPromQL.render(Objects.requireNonNull(e, "expr"));
            return this;
        }

        /**
         * Sets the expression from text with Grafana variables and macros.
         *
         * @throws IllegalArgumentException quoting the text and the parser's message when it does not parse
         */
        public Builder expr(String text) {
            Objects.requireNonNull(text, "expr");
            try {
                GrafanaPromQL.check(text);
            } catch (PromQLParseException ex) {
                throw new IllegalArgumentException("\"" + text + "\" is not valid PromQL: " + ex.getMessage(), ex);
            }
            this.expr = text;
            return this;
        }

        /** Sets the refId (assigned automatically by the panel when not set). */
        public Builder refId(String id) {
            this.refId = Objects.requireNonNull(id, "refId");
            return this;
        }

        /** Sets the target's own data source (needed under the mixed data source). */
        public Builder datasource(DatasourceRef ref) {
            this.datasource = Objects.requireNonNull(ref, "datasource");
            return this;
        }

        /** Sets the legend format. */
        public Builder legendFormat(String f) {
            this.legendFormat = Objects.requireNonNull(f, "legendFormat");
            return this;
        }

        /** Makes this an instant query ({@code instant: true, range: false}). */
        public Builder instant() {
            this.instant = true;
            this.range = false;
            return this;
        }

        /** Makes this a range query ({@code instant: false, range: true}). */
        public Builder range() {
            this.instant = false;
            this.range = true;
            return this;
        }

        /** Sets the format. */
        public Builder format(Format f) {
            this.format = f.json();
            return this;
        }

        /**
         * Sets the minimum step.
         *
         * @throws IllegalArgumentException unless a duration like {@code 1m} or a variable like {@code $interval}
         */
        public Builder interval(String i) {
            if (!i.startsWith("$") && !io.monitoringkit.model.PromDuration.isValid(i.startsWith(">") ? i.substring(1) : i)) {
                throw new IllegalArgumentException("\"" + i + "\" is not a duration or variable for interval ("
                        + io.monitoringkit.model.PromDuration.EXAMPLES + ")");
            }
            this.interval = i;
            return this;
        }

        /** Queries exemplars too. */
        public Builder exemplar(boolean on) {
            this.exemplar = on;
            return this;
        }

        /** Hides the query. */
        public Builder hide(boolean on) {
            this.hide = on;
            return this;
        }

        /** @return the target. */
        public PrometheusTarget build() {
            if (expr == null) {
                throw new IllegalStateException("expr is required");
            }
            return new PrometheusTarget(this);
        }
    }
}
