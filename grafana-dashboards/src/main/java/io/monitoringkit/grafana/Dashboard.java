package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import io.monitoringkit.grafana.internal.Uids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Grafana dashboard in the classic JSON model (schemaVersion 41/42 when built; any version when read by
 * {@link Dashboards#read(String)}, which keeps every field it does not type).
 *
 * <p>Rows follow Grafana: a collapsed row holds its panels ({@link Panel#panels()}); an expanded row's panels
 * follow it in {@link #panels()} up to the next row. {@link #sections()} gives that grouping.
 *
 * <p>{@code build()} derives a stable uid from the title when none is given, gives panels without an id the
 * next free ids in order, places panels without a grid position in a 24-column flow (rows full width, panels
 * left to right, wrapping, never overlapping) and validates the whole dashboard.
 *
 * <pre>{@code
 * Variable ds = Variable.datasource("datasource", "prometheus").build();
 * Dashboard d = Dashboard.builder("Checkout service")
 *         .tags("checkout")
 *         .variable(ds)
 *         .row("Traffic")
 *         .panel(Panel.timeseries("Requests").query(requestRate, "{{code}}").unit("reqps").build())
 *         .collapsedRow("Details", Panel.table("Pods").query(up).build())
 *         .build();
 * String json = Dashboards.write(d);
 * }</pre>
 */
public final class Dashboard {

    /** The schema version of dashboards built here. */
    public static final int SCHEMA_VERSION = 41;

    /** Graph tooltip sharing across panels. */
    public enum GraphTooltip {
        /** Each panel on its own. */
        DEFAULT,
        /** Shared crosshair. */
        SHARED_CROSSHAIR,
        /** Shared crosshair and tooltip. */
        SHARED_TOOLTIP
    }

    /**
     * A row and the panels that belong to it (the panels before the first row have no row).
     *
     * <pre>{@code
     * for (Dashboard.Section s : dashboard.sections()) {
     *     System.out.println(s.row().map(Panel::title).orElse("(top)") + ": " + s.panels().size());
     * }
     * }</pre>
     *
     * @param row    the row panel, empty for the panels above the first row
     * @param panels the row's panels: its own when collapsed, the following ones when expanded
     */
    public record Section(Optional<Panel> row, List<Panel> panels) {
        /** Copies the list. */
        public Section {
            Objects.requireNonNull(row, "row");
            panels = List.copyOf(panels);
        }
    }

    private final JsonNode id;
    private final String uid;
    private final String title;
    private final List<String> tags;
    private final String description;
    private final TimeRange time;
    private final String refresh;
    private final String timezone;
    private final Integer graphTooltip;
    private final Boolean editable;
    private final List<Link> links;
    private final boolean hasAnnotations;
    private final List<Annotation> annotations;
    private final ObjectNode annotationsExtra;
    private final boolean hasTemplating;
    private final List<Variable> variables;
    private final ObjectNode templatingExtra;
    private final List<Panel> panels;
    private final Integer schemaVersion;
    private final Integer version;
    private final ObjectNode extra;

    private Dashboard(Builder b) {
        id = b.id;
        uid = b.uid;
        title = b.title;
        tags = b.tags == null ? null : List.copyOf(b.tags);
        description = b.description;
        time = b.time;
        refresh = b.refresh;
        timezone = b.timezone;
        graphTooltip = b.graphTooltip;
        editable = b.editable;
        links = b.links == null ? null : List.copyOf(b.links);
        hasAnnotations = b.hasAnnotations;
        annotations = b.annotations == null ? null : List.copyOf(b.annotations);
        annotationsExtra = b.annotationsExtra;
        hasTemplating = b.hasTemplating;
        variables = b.variables == null ? null : List.copyOf(b.variables);
        templatingExtra = b.templatingExtra;
        panels = b.panels == null ? null : List.copyOf(b.panels);
        schemaVersion = b.schemaVersion;
        version = b.version;
        extra = b.extra;
    }

    /** @return a builder for a new dashboard titled {@code title}, with Grafana's defaults for new dashboards. */
    public static Builder builder(String title) {
        Builder b = new Builder();
        b.title = Objects.requireNonNull(title, "title");
        b.tags = new ArrayList<>();
        b.time = TimeRange.last("6h");
        b.timezone = "browser";
        b.graphTooltip = 0;
        b.editable = true;
        b.links = new ArrayList<>();
        b.hasAnnotations = true;
        b.annotations = new ArrayList<>(List.of(Annotation.builtIn()));
        b.hasTemplating = true;
        b.variables = new ArrayList<>();
        b.panels = new ArrayList<>();
        b.schemaVersion = SCHEMA_VERSION;
        b.fresh = true;
        return b;
    }

    static Dashboard read(In in) {
        Builder b = new Builder();
        b.id = in.rest.has("id") && (in.rest.get("id").isNull() || in.rest.get("id").isIntegralNumber())
                ? in.any("id") : null;
        b.uid = in.str("uid");
        b.title = in.str("title");
        b.tags = in.strings("tags");
        b.description = in.str("description");
        ObjectNode t = in.obj("time");
        b.time = t == null ? null : TimeRange.read(in.child(t, "time"));
        b.refresh = in.str("refresh");
        b.timezone = in.str("timezone");
        b.graphTooltip = in.integer("graphTooltip");
        b.editable = in.bool("editable");
        b.links = in.objects("links", (l, i) -> Link.read(l));
        ObjectNode a = in.obj("annotations");
        if (a != null) {
            In ai = in.child(a, "annotations");
            b.annotations = ai.objects("list", (x, i) -> Annotation.read(x));
            if (b.annotations != null) {
                b.hasAnnotations = true;
                b.annotationsExtra = ai.extra();
            } else {
                in.rest.set("annotations", a);
            }
        }
        ObjectNode tp = in.obj("templating");
        if (tp != null) {
            In ti = in.child(tp, "templating");
            b.variables = ti.objects("list", (x, i) -> Variable.read(x));
            if (b.variables != null) {
                b.hasTemplating = true;
                b.templatingExtra = ti.extra();
            } else {
                in.rest.set("templating", tp);
            }
        }
        b.panels = in.objects("panels", (p, i) -> Panel.read(p));
        b.schemaVersion = in.integer("schemaVersion");
        b.version = in.integer("version");
        b.extra = in.extra();
        return new Dashboard(b);
    }

    /** @return a builder holding this dashboard's values (no automatic layout of already placed panels). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.uid = uid;
        b.title = title;
        b.tags = tags == null ? null : new ArrayList<>(tags);
        b.description = description;
        b.time = time;
        b.refresh = refresh;
        b.timezone = timezone;
        b.graphTooltip = graphTooltip;
        b.editable = editable;
        b.links = links == null ? null : new ArrayList<>(links);
        b.hasAnnotations = hasAnnotations;
        b.annotations = annotations == null ? null : new ArrayList<>(annotations);
        b.annotationsExtra = annotationsExtra;
        b.hasTemplating = hasTemplating;
        b.variables = variables == null ? null : new ArrayList<>(variables);
        b.templatingExtra = templatingExtra;
        b.panels = panels == null ? null : new ArrayList<>(panels);
        b.schemaVersion = schemaVersion;
        b.version = version;
        b.extra = extra;
        return b;
    }

    /** @return the uid. */
    public Optional<String> uid() {
        return Optional.ofNullable(uid);
    }

    /** @return the title ("" when absent). */
    public String title() {
        return title == null ? "" : title;
    }

    /** @return the tags. */
    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    /** @return the description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the default time range. */
    public Optional<TimeRange> time() {
        return Optional.ofNullable(time);
    }

    /** @return the auto-refresh interval. */
    public Optional<String> refresh() {
        return Optional.ofNullable(refresh);
    }

    /** @return the time zone. */
    public Optional<String> timezone() {
        return Optional.ofNullable(timezone);
    }

    /** @return whether the dashboard is editable. */
    public Optional<Boolean> editable() {
        return Optional.ofNullable(editable);
    }

    /** @return the dashboard links. */
    public List<Link> links() {
        return links == null ? List.of() : links;
    }

    /** @return the annotation queries. */
    public List<Annotation> annotations() {
        return annotations == null ? List.of() : annotations;
    }

    /** @return the variables. */
    public List<Variable> variables() {
        return variables == null ? List.of() : variables;
    }

    /** @return the variable named {@code name}. */
    public Optional<Variable> variable(String name) {
        return variables().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** @return the top-level panels in order (rows, expanded rows' panels, panels above the first row). */
    public List<Panel> panels() {
        return panels == null ? List.of() : panels;
    }

    /** @return every panel, including those held by collapsed rows, depth first. */
    public List<Panel> allPanels() {
        List<Panel> out = new ArrayList<>();
        collect(panels(), out);
        return out;
    }

    private static void collect(List<Panel> ps, List<Panel> out) {
        for (Panel p : ps) {
            out.add(p);
            collect(p.panels(), out);
        }
    }

    /** @return the panels grouped by row with Grafana's semantics. */
    public List<Section> sections() {
        List<Section> out = new ArrayList<>();
        Panel row = null;
        List<Panel> current = new ArrayList<>();
        for (Panel p : panels()) {
            if (p.isRow()) {
                if (row != null || !current.isEmpty()) {
                    out.add(new Section(Optional.ofNullable(row), current));
                }
                row = p;
                current = new ArrayList<>(p.collapsed() ? p.panels() : List.of());
            } else {
                current.add(p);
            }
        }
        if (row != null || !current.isEmpty()) {
            out.add(new Section(Optional.ofNullable(row), current));
        }
        return out;
    }

    /** @return the schema version. */
    public OptionalInt schemaVersion() {
        return schemaVersion == null ? OptionalInt.empty() : OptionalInt.of(schemaVersion);
    }

    /** @return the version (Grafana's optimistic lock). */
    public OptionalInt version() {
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** @return a copy of the top-level fields the model does not type. */
    public ObjectNode extraFields() {
        return extra == null ? Json.object() : extra.deepCopy();
    }

    /** @return the JSON object (see {@link Dashboards#write(Dashboard)} for text). */
    public ObjectNode toJson() {
        Out out = new Out().node("id", id).str("uid", uid).str("title", title).strings("tags", tags)
                .str("description", description).node("time", time == null ? null : time.json)
                .str("refresh", refresh).str("timezone", timezone).integer("graphTooltip", graphTooltip)
                .bool("editable", editable).list("links", links, Link::toJson);
        if (hasAnnotations) {
            out.owned("annotations", new Out().list("list", annotations, Annotation::toJson).extra(annotationsExtra));
        }
        if (hasTemplating) {
            out.owned("templating", new Out().list("list", variables, Variable::toJson).extra(templatingExtra));
        }
        return out.list("panels", panels, Panel::toJson).integer("schemaVersion", schemaVersion)
                .integer("version", version).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dashboard d && Json.valueEquals(toJson(), d.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, title);
    }

    @Override
    public String toString() {
        return "Dashboard{uid=" + uid + ", title=\"" + title() + "\", panels=" + allPanels().size() + "}";
    }

    /**
     * Builds a {@link Dashboard}.
     *
     * <pre>{@code
     * Dashboard.builder("Node").uid("node").refresh("30s").time(TimeRange.last("1h")).build();
     * }</pre>
     */
    public static final class Builder {
        private JsonNode id;
        private String uid;
        private String title;
        private List<String> tags;
        private String description;
        private TimeRange time;
        private String refresh;
        private String timezone;
        private Integer graphTooltip;
        private Boolean editable;
        private List<Link> links;
        private boolean hasAnnotations;
        private List<Annotation> annotations;
        private ObjectNode annotationsExtra;
        private boolean hasTemplating;
        private List<Variable> variables;
        private ObjectNode templatingExtra;
        private List<Panel> panels;
        private Integer schemaVersion;
        private Integer version;
        private ObjectNode extra;
        private boolean fresh;

        private Builder() {
        }

        /** Sets the uid (letters, digits, {@code -} and {@code _}, at most 40 characters). */
        public Builder uid(String u) {
            uid = Objects.requireNonNull(u, "uid");
            return this;
        }

        /** Sets the title. */
        public Builder title(String t) {
            title = Objects.requireNonNull(t, "title");
            return this;
        }

        /** Adds tags. */
        public Builder tags(String... t) {
            if (tags == null) {
                tags = new ArrayList<>();
            }
            tags.addAll(List.of(t));
            return this;
        }

        /** Sets the description. */
        public Builder description(String d) {
            description = Objects.requireNonNull(d, "description");
            return this;
        }

        /** Sets the default time range. */
        public Builder time(TimeRange t) {
            time = Objects.requireNonNull(t, "time");
            return this;
        }

        /**
         * Sets the auto-refresh interval.
         *
         * @throws IllegalArgumentException unless a duration such as {@code 30s} or empty (off)
         */
        public Builder refresh(String r) {
            if (!r.isEmpty() && !io.monitoringkit.model.PromDuration.isValid(r)) {
                throw new IllegalArgumentException("\"" + r + "\" is not a refresh interval ("
                        + io.monitoringkit.model.PromDuration.EXAMPLES + ", or empty for off)");
            }
            refresh = r;
            return this;
        }

        /** Sets the time zone ({@code browser}, {@code utc} or an IANA zone). */
        public Builder timezone(String tz) {
            timezone = Objects.requireNonNull(tz, "timezone");
            return this;
        }

        /** Sets how tooltips are shared. */
        public Builder graphTooltip(GraphTooltip g) {
            graphTooltip = g.ordinal();
            return this;
        }

        /** Sets whether the dashboard is editable. */
        public Builder editable(boolean e) {
            editable = e;
            return this;
        }

        /** Adds dashboard links. */
        public Builder links(Link... l) {
            if (links == null) {
                links = new ArrayList<>();
            }
            links.addAll(List.of(l));
            return this;
        }

        /** Adds an annotation query. */
        public Builder annotation(Annotation a) {
            if (annotations == null) {
                annotations = new ArrayList<>();
            }
            hasAnnotations = true;
            annotations.add(Objects.requireNonNull(a, "annotation"));
            return this;
        }

        /** Adds variables, in order (a chained variable after those it uses). */
        public Builder variable(Variable... v) {
            if (variables == null) {
                variables = new ArrayList<>();
            }
            hasTemplating = true;
            for (Variable x : v) {
                variables.add(Objects.requireNonNull(x, "variable"));
            }
            return this;
        }

        /** Adds panels. */
        public Builder panel(Panel... p) {
            if (panels == null) {
                panels = new ArrayList<>();
            }
            for (Panel x : p) {
                panels.add(Objects.requireNonNull(x, "panel"));
            }
            return this;
        }

        /** Adds an expanded row; the panels added after it belong to it. */
        public Builder row(String rowTitle) {
            return panel(Panel.row(rowTitle).build());
        }

        /** Adds a collapsed row holding {@code children}. */
        public Builder collapsedRow(String rowTitle, Panel... children) {
            return panel(Panel.row(rowTitle).collapsed(children).build());
        }

        /** Sets the version (Grafana's optimistic lock; leave unset for new dashboards). */
        public Builder version(int v) {
            version = v;
            return this;
        }

        /**
         * @return the dashboard, laid out and validated
         * @throws DashboardValidationException listing every violation with its path
         */
        public Dashboard build() {
            List<String> v = new ArrayList<>();
            if (title == null || title.isBlank()) {
                v.add("title: must not be blank");
            }
            if (uid == null && title != null && !title.isBlank()) {
                uid = Uids.fromTitle(title);
            }
            if (uid != null) {
                Uids.problem(uid).ifPresent(p -> v.add("uid: " + p));
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < (variables == null ? 0 : variables.size()); i++) {
                String n = variables.get(i).name();
                if (!names.add(n)) {
                    v.add("templating.list[" + i + "]: variable \"" + n + "\" is defined twice");
                }
            }
            if (panels != null) {
                panels = Layout.layout(panels, v, names);
            }
            if (!v.isEmpty()) {
                throw new DashboardValidationException(v);
            }
            if (fresh && annotations != null && annotations.stream().noneMatch(Annotation::isBuiltIn)) {
                annotations.add(0, Annotation.builtIn());
            }
            return new Dashboard(this);
        }
    }
}
