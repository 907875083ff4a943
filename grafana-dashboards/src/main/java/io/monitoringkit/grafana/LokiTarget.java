package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A Loki query (LogQL text) of a logs or time series panel.
 *
 * <pre>{@code
 * LokiTarget t = LokiTarget.builder("{namespace=\"$namespace\"} |= \"error\"").maxLines(500).build();
 * }</pre>
 */
public final class LokiTarget implements Target {
    private final String refId;
    private final DatasourceRef datasource;
    private final String expr;
    private final String legendFormat;
    private final String queryType;
    private final Integer maxLines;
    private final Boolean hide;
    private final ObjectNode extra;

    private LokiTarget(Builder b) {
        refId = b.refId;
        datasource = b.datasource;
        expr = b.expr;
        legendFormat = b.legendFormat;
        queryType = b.queryType;
        maxLines = b.maxLines;
        hide = b.hide;
        extra = b.extra;
    }

    /**
     * @return a builder for a LogQL query
     * @throws IllegalArgumentException when {@code logql} is blank
     */
    public static Builder builder(String logql) {
        if (logql == null || logql.isBlank()) {
            throw new IllegalArgumentException("LogQL expression must not be blank");
        }
        Builder b = new Builder();
        b.expr = logql;
        return b;
    }

    static LokiTarget read(In in) {
        Builder b = new Builder();
        b.refId = in.str("refId");
        b.datasource = in.datasource("datasource");
        b.expr = in.str("expr");
        b.legendFormat = in.str("legendFormat");
        b.queryType = in.str("queryType");
        b.maxLines = in.integer("maxLines");
        b.hide = in.bool("hide");
        b.extra = in.extra();
        return new LokiTarget(b);
    }

    /** @return a builder holding this target's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.refId = refId;
        b.datasource = datasource;
        b.expr = expr;
        b.legendFormat = legendFormat;
        b.queryType = queryType;
        b.maxLines = maxLines;
        b.hide = hide;
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

    /** @return the LogQL text. */
    public String expr() {
        return expr;
    }

    /** @return the query type ({@code range}, {@code instant}). */
    public Optional<String> queryType() {
        return Optional.ofNullable(queryType);
    }

    /** @return the line limit. */
    public Optional<Integer> maxLines() {
        return Optional.ofNullable(maxLines);
    }

    @Override
    public LokiTarget withRefId(String id) {
        Builder b = toBuilder();
        b.refId = id;
        return new LokiTarget(b);
    }

    @Override
    public ObjectNode toJson() {
        return new Out().str("refId", refId).datasource("datasource", datasource).str("expr", expr)
                .str("legendFormat", legendFormat).str("queryType", queryType).integer("maxLines", maxLines)
                .bool("hide", hide).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LokiTarget t && Json.valueEquals(toJson(), t.toJson());
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
     * Builds a {@link LokiTarget}.
     *
     * <pre>{@code
     * LokiTarget.builder("sum(count_over_time({app=\"api\"}[$__interval]))").legendFormat("lines").build();
     * }</pre>
     */
    public static final class Builder {
        private String refId;
        private DatasourceRef datasource;
        private String expr;
        private String legendFormat;
        private String queryType;
        private Integer maxLines;
        private Boolean hide;
        private ObjectNode extra;

        private Builder() {
        }

        /** Sets the refId. */
        public Builder refId(String id) {
            refId = Objects.requireNonNull(id, "refId");
            return this;
        }

        /** Sets the target's own data source. */
        public Builder datasource(DatasourceRef ref) {
            datasource = Objects.requireNonNull(ref, "datasource");
            return this;
        }

        /** Sets the legend format. */
        public Builder legendFormat(String f) {
            legendFormat = Objects.requireNonNull(f, "legendFormat");
            return this;
        }

        /** Sets the query type, {@code range} or {@code instant}. */
        public Builder queryType(String t) {
            if (!t.equals("range") && !t.equals("instant")) {
                throw new IllegalArgumentException("\"" + t + "\" is not a Loki query type: use range or instant");
            }
            queryType = t;
            return this;
        }

        /** Limits the number of log lines. */
        public Builder maxLines(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException(n + " is not a positive maxLines");
            }
            maxLines = n;
            return this;
        }

        /** @return the target. */
        public LokiTarget build() {
            return new LokiTarget(this);
        }
    }
}
