package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.grafana.internal.Vars;
import io.monitoringkit.promql.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A dashboard panel of any type, including rows. Typed factories exist for Grafana's core panel types;
 * {@link #of(String, String)} makes a panel of any other plugin. Panels without an explicit {@link GridPos}
 * are placed by the dashboard (24-column flow, {@link Builder#size} as the wanted size).
 *
 * <pre>{@code
 * Panel p = Panel.timeseries("Requests")
 *         .query(sum(rate(metric("http_requests_total").over(GrafanaPromQL.RATE_INTERVAL))).by("code"), "{{code}}")
 *         .fieldConfig(FieldConfig.builder().unit("reqps").build())
 *         .size(12, 8)
 *         .build();
 * }</pre>
 */
public final class Panel {

    /** Row panel type. */
    public static final String ROW = "row";

    private final Integer id;
    private final String type;
    private final String title;
    private final String description;
    private final GridPos gridPos;
    private final DatasourceRef datasource;
    private final List<Target> targets;
    private final FieldConfig fieldConfig;
    private final ObjectNode options;
    private final List<Transformation> transformations;
    private final String repeat;
    private final String repeatDirection;
    private final Integer maxPerRow;
    private final List<Link> links;
    private final String interval;
    private final String timeFrom;
    private final String timeShift;
    private final String pluginVersion;
    private final Boolean collapsed;
    private final List<Panel> panels;
    private final ObjectNode extra;
    private final int wantW;
    private final int wantH;

    private Panel(Builder b) {
        id = b.id;
        type = b.type;
        title = b.title;
        description = b.description;
        gridPos = b.gridPos;
        datasource = b.datasource;
        targets = b.targets == null ? null : List.copyOf(b.targets);
        fieldConfig = b.fieldConfig;
        options = b.options;
        transformations = b.transformations == null ? null : List.copyOf(b.transformations);
        repeat = b.repeat;
        repeatDirection = b.repeatDirection;
        maxPerRow = b.maxPerRow;
        links = b.links == null ? null : List.copyOf(b.links);
        interval = b.interval;
        timeFrom = b.timeFrom;
        timeShift = b.timeShift;
        pluginVersion = b.pluginVersion;
        collapsed = b.collapsed;
        panels = b.panels == null ? null : List.copyOf(b.panels);
        extra = b.extra;
        wantW = b.wantW;
        wantH = b.wantH;
    }

    private static Builder typed(String type, String title) {
        Builder b = new Builder();
        b.type = type;
        b.title = Objects.requireNonNull(title, "title");
        return b;
    }

    /** @return a builder for a panel of plugin {@code type}. */
    public static Builder of(String type, String title) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("panel type must not be blank");
        }
        return typed(type, title);
    }

    /** @return a time series panel builder. */
    public static Builder timeseries(String title) {
        return typed("timeseries", title);
    }

    /** @return a stat panel builder (default size 6 x 4). */
    public static Builder stat(String title) {
        return typed("stat", title).size(6, 4);
    }

    /** @return a gauge panel builder (default size 6 x 6). */
    public static Builder gauge(String title) {
        return typed("gauge", title).size(6, 6);
    }

    /** @return a bar gauge panel builder. */
    public static Builder bargauge(String title) {
        return typed("bargauge", title);
    }

    /** @return a table panel builder. */
    public static Builder table(String title) {
        return typed("table", title);
    }

    /** @return a heatmap panel builder. */
    public static Builder heatmap(String title) {
        return typed("heatmap", title);
    }

    /** @return a histogram panel builder. */
    public static Builder histogram(String title) {
        return typed("histogram", title);
    }

    /** @return a text panel builder showing {@code markdown}. */
    public static Builder text(String title, String markdown) {
        ObjectNode o = Json.object();
        o.put("mode", "markdown");
        o.put("content", Objects.requireNonNull(markdown, "markdown"));
        return typed("text", title).options(o);
    }

    /** @return a logs panel builder (default size 24 x 10). */
    public static Builder logs(String title) {
        return typed("logs", title).size(24, 10);
    }

    /** @return a pie chart panel builder. */
    public static Builder piechart(String title) {
        return typed("piechart", title);
    }

    /** @return a bar chart panel builder. */
    public static Builder barchart(String title) {
        return typed("barchart", title);
    }

    /** @return a state timeline panel builder. */
    public static Builder stateTimeline(String title) {
        return typed("state-timeline", title);
    }

    /** @return a status history panel builder. */
    public static Builder statusHistory(String title) {
        return typed("status-history", title);
    }

    /** @return an alert list panel builder. */
    public static Builder alertlist(String title) {
        return typed("alertlist", title);
    }

    /** @return a dashboard list panel builder. */
    public static Builder dashlist(String title) {
        return typed("dashlist", title);
    }

    /** @return a row builder (expanded; {@link Builder#collapsed} with panels makes a collapsed row). */
    public static Builder row(String title) {
        Builder b = typed(ROW, title);
        b.collapsed = false;
        b.panels = new ArrayList<>();
        return b;
    }

    static Panel read(In in) {
        Builder b = new Builder();
        b.id = in.integer("id");
        b.type = in.str("type");
        b.title = in.str("title");
        b.description = in.str("description");
        b.gridPos = readGridPos(in);
        b.datasource = in.datasource("datasource");
        DatasourceRef panelDs = b.datasource;
        b.targets = in.objects("targets", (t, i) -> Target.read(t, panelDs));
        ObjectNode fc = in.obj("fieldConfig");
        b.fieldConfig = fc == null ? null : FieldConfig.read(in.child(fc, "fieldConfig"));
        b.options = in.obj("options");
        b.transformations = in.objects("transformations", (t, i) -> Transformation.read(t));
        b.repeat = in.str("repeat");
        b.repeatDirection = in.str("repeatDirection");
        b.maxPerRow = in.integer("maxPerRow");
        b.links = in.objects("links", (l, i) -> Link.read(l));
        b.interval = in.str("interval");
        b.timeFrom = in.str("timeFrom");
        b.timeShift = in.str("timeShift");
        b.pluginVersion = in.str("pluginVersion");
        b.collapsed = in.bool("collapsed");
        b.panels = in.objects("panels", (p, i) -> read(p));
        b.extra = in.extra();
        return new Panel(b);
    }

    private static GridPos readGridPos(In in) {
        JsonNode g = in.rest.get("gridPos");
        if (g == null || !g.isObject() || g.size() != 4) {
            return null;
        }
        int[] v = new int[4];
        String[] keys = {"x", "y", "w", "h"};
        for (int i = 0; i < 4; i++) {
            JsonNode n = g.get(keys[i]);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
                return null;
            }
            v[i] = n.intValue();
        }
        in.rest.remove("gridPos");
        return new GridPos(v[0], v[1], v[2], v[3]);
    }

    /** @return a builder holding this panel's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.title = title;
        b.description = description;
        b.gridPos = gridPos;
        b.datasource = datasource;
        b.targets = targets == null ? null : new ArrayList<>(targets);
        b.fieldConfig = fieldConfig;
        b.options = options;
        b.transformations = transformations == null ? null : new ArrayList<>(transformations);
        b.repeat = repeat;
        b.repeatDirection = repeatDirection;
        b.maxPerRow = maxPerRow;
        b.links = links == null ? null : new ArrayList<>(links);
        b.interval = interval;
        b.timeFrom = timeFrom;
        b.timeShift = timeShift;
        b.pluginVersion = pluginVersion;
        b.collapsed = collapsed;
        b.panels = panels == null ? null : new ArrayList<>(panels);
        b.extra = extra;
        b.wantW = wantW;
        b.wantH = wantH;
        return b;
    }

    /** @return the panel id. */
    public OptionalInt id() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** @return the plugin type ({@code timeseries}, {@code row}, ...); empty in some legacy exports. */
    public String type() {
        return type == null ? "" : type;
    }

    /** @return the title ("" when absent). */
    public String title() {
        return title == null ? "" : title;
    }

    /** @return the description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the grid position, when set. */
    public Optional<GridPos> gridPos() {
        return Optional.ofNullable(gridPos);
    }

    /** @return the panel's data source, when set. */
    public Optional<DatasourceRef> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** @return the queries. */
    public List<Target> targets() {
        return targets == null ? List.of() : targets;
    }

    /** @return the field configuration. */
    public Optional<FieldConfig> fieldConfig() {
        return Optional.ofNullable(fieldConfig);
    }

    /** @return a copy of the panel options. */
    public Optional<ObjectNode> options() {
        return Optional.ofNullable(options).map(ObjectNode::deepCopy);
    }

    /** @return the transformations. */
    public List<Transformation> transformations() {
        return transformations == null ? List.of() : transformations;
    }

    /** @return the variable this panel is repeated by. */
    public Optional<String> repeat() {
        return Optional.ofNullable(repeat);
    }

    /** @return the panel links. */
    public List<Link> links() {
        return links == null ? List.of() : links;
    }

    /** @return whether this is a row. */
    public boolean isRow() {
        return ROW.equals(type);
    }

    /** @return whether this row is collapsed (false for other panels). */
    public boolean collapsed() {
        return Boolean.TRUE.equals(collapsed);
    }

    /** @return the panels held by this panel: a collapsed row's panels (legacy exports may nest others). */
    public List<Panel> panels() {
        return panels == null ? List.of() : panels;
    }

    /** @return a copy of the fields the model does not type, as read. */
    public ObjectNode extraFields() {
        return extra == null ? Json.object() : extra.deepCopy();
    }

    int wantedWidth() {
        return wantW;
    }

    int wantedHeight() {
        return wantH;
    }

    Panel withLayout(Integer newId, GridPos pos, List<Panel> children) {
        Builder b = toBuilder();
        b.id = newId;
        b.gridPos = pos;
        if (children != null) {
            b.panels = children;
        }
        return new Panel(b);
    }

    /** @return the JSON object. */
    public ObjectNode toJson() {
        return new Out().integer("id", id).str("type", type).str("title", title).str("description", description)
                .owned("gridPos", gridPos == null ? null : gridPosJson(gridPos))
                .datasource("datasource", datasource).list("targets", targets, Target::toJson)
                .owned("fieldConfig", fieldConfig == null ? null : fieldConfig.toJson()).node("options", options)
                .list("transformations", transformations, Transformation::toJson).str("repeat", repeat)
                .str("repeatDirection", repeatDirection).integer("maxPerRow", maxPerRow)
                .list("links", links, Link::toJson).str("interval", interval).str("timeFrom", timeFrom)
                .str("timeShift", timeShift).str("pluginVersion", pluginVersion).bool("collapsed", collapsed)
                .list("panels", panels, Panel::toJson).extra(extra);
    }

    private static ObjectNode gridPosJson(GridPos g) {
        ObjectNode o = Json.object();
        o.put("h", g.h());
        o.put("w", g.w());
        o.put("x", g.x());
        o.put("y", g.y());
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Panel p && Json.valueEquals(toJson(), p.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, title);
    }

    @Override
    public String toString() {
        return "Panel{" + type() + " \"" + title() + "\"}";
    }

    /**
     * Builds a {@link Panel}; {@code build()} assigns refIds {@code A, B, ...} to targets without one.
     *
     * <pre>{@code
     * Panel.stat("Up").query(PromQL.metric("up")).fieldConfig(FieldConfig.builder().unit("none").build()).build();
     * }</pre>
     */
    public static final class Builder {
        private Integer id;
        private String type;
        private String title;
        private String description;
        private GridPos gridPos;
        private DatasourceRef datasource;
        private List<Target> targets;
        private FieldConfig fieldConfig;
        private ObjectNode options;
        private List<Transformation> transformations;
        private String repeat;
        private String repeatDirection;
        private Integer maxPerRow;
        private List<Link> links;
        private String interval;
        private String timeFrom;
        private String timeShift;
        private String pluginVersion;
        private Boolean collapsed;
        private List<Panel> panels;
        private ObjectNode extra;
        private int wantW;
        private int wantH;

        private Builder() {
        }

        /** Sets the panel id (assigned by the dashboard when not set). */
        public Builder id(int panelId) {
            id = panelId;
            return this;
        }

        /** Sets the title. */
        public Builder title(String t) {
            title = Objects.requireNonNull(t, "title");
            return this;
        }

        /** Sets the description. */
        public Builder description(String d) {
            description = Objects.requireNonNull(d, "description");
            return this;
        }

        /** Places the panel explicitly. */
        public Builder gridPos(GridPos pos) {
            gridPos = Objects.requireNonNull(pos, "gridPos");
            return this;
        }

        /** Sets the wanted size for automatic layout (width in columns of 24, height in grid rows). */
        public Builder size(int width, int height) {
            wantW = width;
            wantH = height;
            return this;
        }

        /** Sets the panel's data source. */
        public Builder datasource(DatasourceRef ref) {
            datasource = Objects.requireNonNull(ref, "datasource");
            return this;
        }

        /** Adds targets. */
        public Builder targets(Target... t) {
            if (targets == null) {
                targets = new ArrayList<>();
            }
            for (Target x : t) {
                targets.add(Objects.requireNonNull(x, "target"));
            }
            return this;
        }

        /** Adds a Prometheus range query of {@code expr}. */
        public Builder query(Expr expr) {
            return targets(PrometheusTarget.of(expr));
        }

        /** Adds a Prometheus range query of {@code expr} with a legend format. */
        public Builder query(Expr expr, String legendFormat) {
            return targets(PrometheusTarget.builder().expr(expr).legendFormat(legendFormat).build());
        }

        /** Sets the field configuration. */
        public Builder fieldConfig(FieldConfig fc) {
            fieldConfig = Objects.requireNonNull(fc, "fieldConfig");
            return this;
        }

        /** Sets the unit (keeping the rest of the field configuration). */
        public Builder unit(String unit) {
            FieldConfig.Builder fb = fieldConfig == null ? FieldConfig.builder() : fieldConfig.toBuilder();
            fieldConfig = fb.unit(unit).build();
            return this;
        }

        /** Sets the panel options (copied); typed values are in {@link PanelOptions}. */
        public Builder options(ObjectNode o) {
            options = o.deepCopy();
            return this;
        }

        /** Sets the panel options. */
        public Builder options(PanelOptions o) {
            return options(o.toJson());
        }

        /** Sets one panel option. */
        public Builder option(String key, JsonNode value) {
            options = options == null ? Json.object() : options.deepCopy();
            options.set(key, value.deepCopy());
            return this;
        }

        /** Adds transformations. */
        public Builder transformations(Transformation... t) {
            if (transformations == null) {
                transformations = new ArrayList<>();
            }
            transformations.addAll(List.of(t));
            return this;
        }

        /** Repeats the panel for each value of {@code variable} ({@code h}orizontally or {@code v}ertically). */
        public Builder repeat(Variable variable, char direction) {
            if (direction != 'h' && direction != 'v') {
                throw new IllegalArgumentException("'" + direction + "' is not a repeat direction: use 'h' or 'v'");
            }
            repeat = variable.name();
            repeatDirection = String.valueOf(direction);
            return this;
        }

        /** Limits the panels per row when repeating horizontally. */
        public Builder maxPerRow(int n) {
            maxPerRow = n;
            return this;
        }

        /** Adds panel links. */
        public Builder links(Link... l) {
            if (links == null) {
                links = new ArrayList<>();
            }
            links.addAll(List.of(l));
            return this;
        }

        /** Sets the minimum query interval, e.g. {@code 1m}. */
        public Builder interval(String i) {
            interval = Objects.requireNonNull(i, "interval");
            return this;
        }

        /** Overrides the relative time, e.g. {@code 1h}. */
        public Builder timeFrom(String t) {
            timeFrom = Objects.requireNonNull(t, "timeFrom");
            return this;
        }

        /** Shifts the time range, e.g. {@code 1d}. */
        public Builder timeShift(String t) {
            timeShift = Objects.requireNonNull(t, "timeShift");
            return this;
        }

        /** Collapses a row: it then holds {@code children} (an expanded row's panels follow it instead). */
        public Builder collapsed(Panel... children) {
            if (!ROW.equals(type)) {
                throw new IllegalStateException("only rows can be collapsed, this is a " + type + " panel");
            }
            collapsed = true;
            panels = new ArrayList<>(List.of(children));
            return this;
        }

        /**
         * @return the panel
         * @throws DashboardValidationException listing every violation
         */
        public Panel build() {
            List<String> v = new ArrayList<>();
            String where = "panel \"" + title + "\"";
            if (wantW != 0 && (wantW < 1 || wantW > GridPos.COLUMNS)) {
                v.add(where + ": width " + wantW + " is not between 1 and 24");
            }
            if (wantH < 0) {
                v.add(where + ": height " + wantH + " is negative");
            }
            if (gridPos != null && !gridPos.inGrid()) {
                v.add(where + ": gridPos " + gridPos + " is outside the 24-column grid");
            }
            if (repeat != null) {
                try {
                    Vars.requireName(repeat);
                } catch (IllegalArgumentException e) {
                    v.add(where + ": repeat: " + e.getMessage());
                }
            }
            if (maxPerRow != null && (maxPerRow < 1 || maxPerRow > GridPos.COLUMNS)) {
                v.add(where + ": maxPerRow " + maxPerRow + " is not between 1 and 24");
            }
            if (targets != null) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Target t : targets) {
                    t.refId().ifPresent(r -> {
                        if (!seen.add(r)) {
                            v.add(where + ": refId \"" + r + "\" is used twice");
                        }
                    });
                }
                if (datasource != null && datasource.isMixed()) {
                    for (int i = 0; i < targets.size(); i++) {
                        if (targets.get(i).datasource().isEmpty()) {
                            v.add(where + ": targets[" + i + "] needs its own datasource under the mixed datasource");
                        }
                    }
                }
            }
            if (!v.isEmpty()) {
                throw new DashboardValidationException(v);
            }
            if (targets != null) {
                targets = new ArrayList<>(Target.assignRefIds(targets));
            }
            return new Panel(this);
        }
    }
}
