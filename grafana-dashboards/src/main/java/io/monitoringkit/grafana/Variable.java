package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.grafana.internal.Vars;
import io.monitoringkit.promql.LabelMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dashboard variable (templating): data source, query, custom, constant, interval, text box or ad hoc
 * filters. {@link #matcher(String)} turns it into the PromQL label matcher that uses it.
 *
 * <pre>{@code
 * Variable ds = Variable.datasource("datasource", "prometheus").build();
 * Variable ns = Variable.query("namespace", VariableQuery.labelValues("kube_pod_info", "namespace"))
 *         .datasource(DatasourceRef.variable("prometheus", "datasource"))
 *         .multi(true).includeAll(true).build();
 * ns.matcher("namespace"); // namespace=~"$namespace"
 * }</pre>
 */
public final class Variable {

    /** When a query variable refreshes its values. */
    public enum Refresh {
        /** Never (values stored in the dashboard). */
        NEVER,
        /** On dashboard load. */
        ON_DASHBOARD_LOAD,
        /** On time range change. */
        ON_TIME_RANGE_CHANGE
    }

    /** Whether the variable is shown. */
    public enum Hide {
        /** Label and value shown. */
        NOTHING,
        /** Only the value shown. */
        LABEL,
        /** Hidden. */
        VARIABLE
    }

    private final String type;
    private final String name;
    private final String label;
    private final String description;
    private final JsonNode query;
    private final DatasourceRef datasource;
    private final String definition;
    private final Boolean multi;
    private final Boolean includeAll;
    private final String allValue;
    private final Integer refresh;
    private final String regex;
    private final Integer sort;
    private final Integer hide;
    private final ObjectNode current;
    private final JsonNode options;
    private final ObjectNode extra;

    private Variable(Builder b) {
        type = b.type;
        name = b.name;
        label = b.label;
        description = b.description;
        query = b.query;
        datasource = b.datasource;
        definition = b.definition;
        multi = b.multi;
        includeAll = b.includeAll;
        allValue = b.allValue;
        refresh = b.refresh;
        regex = b.regex;
        sort = b.sort;
        hide = b.hide;
        current = b.current;
        options = b.options;
        extra = b.extra;
    }

    private static Builder typed(String type, String name) {
        Builder b = new Builder();
        b.type = type;
        b.name = Vars.requireName(name);
        return b;
    }

    /** @return a data source variable choosing among data sources of {@code pluginType} ({@code prometheus}). */
    public static Builder datasource(String name, String pluginType) {
        Builder b = typed("datasource", name);
        b.query = Json.F.textNode(Objects.requireNonNull(pluginType, "pluginType"));
        b.refresh = 1;
        b.current = Json.object();
        return b;
    }

    /** @return a query variable (refreshed on time range change). */
    public static Builder query(String name, VariableQuery q) {
        Builder b = typed("query", name);
        ObjectNode qo = Json.object();
        qo.put("query", q.text());
        qo.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
        b.query = qo;
        b.definition = q.text();
        b.refresh = 2;
        b.current = Json.object();
        return b;
    }

    /** @return a custom variable with fixed {@code values}. */
    public static Builder custom(String name, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("custom variable \"" + name + "\" needs at least one value");
        }
        Builder b = typed("custom", name);
        for (String v : values) {
            if (v.contains(",")) {
                throw new IllegalArgumentException("custom variable value \"" + v + "\" contains a comma");
            }
        }
        b.query = Json.F.textNode(String.join(",", values));
        ArrayNode opts = Json.array();
        for (int i = 0; i < values.length; i++) {
            ObjectNode o = opts.addObject();
            o.put("selected", i == 0);
            o.put("text", values[i]);
            o.put("value", values[i]);
        }
        b.options = opts;
        b.current = ((ObjectNode) opts.get(0)).deepCopy();
        return b;
    }

    /** @return a constant (hidden) variable. */
    public static Builder constant(String name, String value) {
        Builder b = typed("constant", name);
        b.query = Json.F.textNode(Objects.requireNonNull(value, "value"));
        b.hide = 2;
        return b;
    }

    /** @return an interval variable with the given durations ({@code 1m}, {@code 5m}, ...). */
    public static Builder interval(String name, String... intervals) {
        for (String i : intervals) {
            if (!io.monitoringkit.model.PromDuration.isValid(i)) {
                throw new IllegalArgumentException("\"" + i + "\" is not a duration for interval variable \"" + name
                        + "\" (" + io.monitoringkit.model.PromDuration.EXAMPLES + ")");
            }
        }
        Builder b = typed("interval", name);
        b.query = Json.F.textNode(String.join(",", intervals));
        b.refresh = 2;
        return b;
    }

    /** @return a text box variable with a default value. */
    public static Builder textbox(String name, String defaultValue) {
        Builder b = typed("textbox", name);
        b.query = Json.F.textNode(Objects.requireNonNull(defaultValue, "defaultValue"));
        return b;
    }

    /** @return an ad hoc filters variable for {@code datasource}. */
    public static Builder adhoc(String name, DatasourceRef datasource) {
        Builder b = typed("adhoc", name);
        b.datasource = Objects.requireNonNull(datasource, "datasource");
        return b;
    }

    static Variable read(In in) {
        Builder b = new Builder();
        b.type = in.str("type");
        b.name = in.str("name");
        b.label = in.str("label");
        b.description = in.str("description");
        b.query = in.any("query");
        b.datasource = in.datasource("datasource");
        b.definition = in.str("definition");
        b.multi = in.bool("multi");
        b.includeAll = in.bool("includeAll");
        b.allValue = in.str("allValue");
        b.refresh = in.integer("refresh");
        b.regex = in.str("regex");
        b.sort = in.integer("sort");
        b.hide = in.integer("hide");
        b.current = in.obj("current");
        b.options = in.any("options");
        b.extra = in.extra();
        return new Variable(b);
    }

    /** @return a builder holding this variable's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.name = name;
        b.label = label;
        b.description = description;
        b.query = query;
        b.datasource = datasource;
        b.definition = definition;
        b.multi = multi;
        b.includeAll = includeAll;
        b.allValue = allValue;
        b.refresh = refresh;
        b.regex = regex;
        b.sort = sort;
        b.hide = hide;
        b.current = current;
        b.options = options;
        b.extra = extra;
        return b;
    }

    /** @return the type ({@code query}, {@code datasource}, {@code custom}, ...). */
    public String type() {
        return type == null ? "" : type;
    }

    /** @return the name. */
    public String name() {
        return name == null ? "" : name;
    }

    /** @return the label. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** @return the query text: the string, or the {@code query} field of an object query. */
    public Optional<String> queryText() {
        if (query == null) {
            return Optional.empty();
        }
        if (query.isTextual()) {
            return Optional.of(query.textValue());
        }
        JsonNode q = query.get("query");
        return q != null && q.isTextual() ? Optional.of(q.textValue()) : Optional.empty();
    }

    /** @return the data source. */
    public Optional<DatasourceRef> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** @return whether several values can be selected. */
    public boolean multi() {
        return Boolean.TRUE.equals(multi);
    }

    /** @return whether an "All" option exists. */
    public boolean includeAll() {
        return Boolean.TRUE.equals(includeAll);
    }

    /**
     * @return {@code label=~"$name"} when several values can be selected (multi or All), else
     *     {@code label="$name"}
     */
    public LabelMatcher matcher(String labelName) {
        return GrafanaPromQL.variable(labelName, name(), multi() || includeAll());
    }

    /** @return the JSON object. */
    public ObjectNode toJson() {
        return new Out().str("type", type).str("name", name).str("label", label).str("description", description)
                .node("query", query).datasource("datasource", datasource).str("definition", definition)
                .bool("multi", multi).bool("includeAll", includeAll).str("allValue", allValue)
                .integer("refresh", refresh).str("regex", regex).integer("sort", sort).integer("hide", hide)
                .node("current", current).node("options", options).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variable v && Json.valueEquals(toJson(), v.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name);
    }

    @Override
    public String toString() {
        return "Variable{" + type() + " $" + name() + "}";
    }

    /**
     * Builds a {@link Variable}.
     *
     * <pre>{@code
     * Variable.custom("env", "prod", "staging").label("Environment").multi(true).build();
     * }</pre>
     */
    public static final class Builder {
        private String type;
        private String name;
        private String label;
        private String description;
        private JsonNode query;
        private DatasourceRef datasource;
        private String definition;
        private Boolean multi;
        private Boolean includeAll;
        private String allValue;
        private Integer refresh;
        private String regex;
        private Integer sort;
        private Integer hide;
        private ObjectNode current;
        private JsonNode options;
        private ObjectNode extra;

        private Builder() {
        }

        /** Sets the label shown in the variable bar. */
        public Builder label(String l) {
            label = Objects.requireNonNull(l, "label");
            return this;
        }

        /** Sets the description. */
        public Builder description(String d) {
            description = Objects.requireNonNull(d, "description");
            return this;
        }

        /** Sets the data source of a query or ad hoc variable. */
        public Builder datasource(DatasourceRef ref) {
            datasource = Objects.requireNonNull(ref, "datasource");
            return this;
        }

        /** Allows several values. */
        public Builder multi(boolean on) {
            multi = on;
            return this;
        }

        /** Adds an "All" option. */
        public Builder includeAll(boolean on) {
            includeAll = on;
            return this;
        }

        /** Sets the value "All" stands for, e.g. {@code .*}. */
        public Builder allValue(String v) {
            allValue = Objects.requireNonNull(v, "allValue");
            return this;
        }

        /** Sets when values refresh. */
        public Builder refresh(Refresh r) {
            refresh = r.ordinal();
            return this;
        }

        /** Filters (and with a capture group, extracts) values by a regex. */
        public Builder regex(String r) {
            try {
                java.util.regex.Pattern.compile(r.startsWith("/") && r.lastIndexOf('/') > 0
                        ? r.substring(1, r.lastIndexOf('/')) : r);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("\"" + r + "\" is not a valid regex for variable \"" + name
                        + "\": " + e.getDescription(), e);
            }
            regex = r;
            return this;
        }

        /** Sorts values (0 disabled, 1 alphabetical asc, 2 desc, 3 numerical asc, ...). */
        public Builder sort(int s) {
            if (s < 0 || s > 8) {
                throw new IllegalArgumentException(s + " is not a variable sort order (0 to 8)");
            }
            sort = s;
            return this;
        }

        /** Hides the label or the whole variable. */
        public Builder hide(Hide h) {
            hide = h.ordinal();
            return this;
        }

        /** Sets the current value. */
        public Builder current(String text, String value) {
            current = Json.object();
            current.put("selected", true);
            current.put("text", text);
            current.put("value", value);
            return this;
        }

        /**
         * @return the variable
         * @throws DashboardValidationException listing every violation
         */
        public Variable build() {
            List<String> v = new ArrayList<>();
            String where = "variable \"" + name + "\"";
            if (allValue != null && !Boolean.TRUE.equals(includeAll)) {
                v.add(where + ": allValue is set but includeAll is not");
            }
            if ("query".equals(type) && datasource == null) {
                v.add(where + ": a query variable needs a datasource");
            }
            if (!v.isEmpty()) {
                throw new DashboardValidationException(v);
            }
            return new Variable(this);
        }
    }
}
