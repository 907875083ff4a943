package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A panel's field configuration: defaults (unit, decimals, min/max, thresholds, value mappings, color, the
 * panel plugin's {@code custom} options, links) and overrides.
 *
 * <pre>{@code
 * FieldConfig fc = FieldConfig.builder()
 *         .unit("reqps").decimals(1).min(0)
 *         .thresholds(Thresholds.absolute(ThresholdStep.base("green"), ThresholdStep.at(100, "red")))
 *         .override(FieldOverride.byName("errors").set("color", FieldColor.fixed("red").toJson()))
 *         .build();
 * }</pre>
 */
public final class FieldConfig {
    private final boolean hasDefaults;
    private final String unit;
    private final Integer decimals;
    private final Double min;
    private final Double max;
    private final Thresholds thresholds;
    private final List<ValueMapping> mappings;
    private final FieldColor color;
    private final String displayName;
    private final String noValue;
    private final ObjectNode custom;
    private final List<Link> links;
    private final ObjectNode defaultsExtra;
    private final List<FieldOverride> overrides;
    private final ObjectNode extra;

    private FieldConfig(Builder b) {
        hasDefaults = b.hasDefaults;
        unit = b.unit;
        decimals = b.decimals;
        min = b.min;
        max = b.max;
        thresholds = b.thresholds;
        mappings = b.mappings == null ? null : List.copyOf(b.mappings);
        color = b.color;
        displayName = b.displayName;
        noValue = b.noValue;
        custom = b.custom;
        links = b.links == null ? null : List.copyOf(b.links);
        defaultsExtra = b.defaultsExtra;
        overrides = b.overrides == null ? null : List.copyOf(b.overrides);
        extra = b.extra;
    }

    /** @return a new builder. */
    public static Builder builder() {
        Builder b = new Builder();
        b.hasDefaults = true;
        b.overrides = new ArrayList<>();
        return b;
    }

    static FieldConfig read(In in) {
        Builder b = new Builder();
        ObjectNode d = in.obj("defaults");
        if (d != null) {
            b.hasDefaults = true;
            In di = in.child(d, "defaults");
            b.unit = di.str("unit");
            b.decimals = di.integer("decimals");
            b.min = di.number("min");
            b.max = di.number("max");
            ObjectNode t = di.obj("thresholds");
            b.thresholds = t == null ? null : Thresholds.read(di.child(t, "thresholds"));
            b.mappings = di.objects("mappings", (m, i) -> ValueMapping.read(m));
            ObjectNode c = di.obj("color");
            b.color = c == null ? null : FieldColor.read(di.child(c, "color"));
            b.displayName = di.str("displayName");
            b.noValue = di.str("noValue");
            b.custom = di.obj("custom");
            b.links = di.objects("links", (l, i) -> Link.read(l));
            b.defaultsExtra = di.extra();
        }
        b.overrides = in.objects("overrides", (o, i) -> FieldOverride.read(o));
        b.extra = in.extra();
        return new FieldConfig(b);
    }

    /** @return a builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hasDefaults = hasDefaults;
        b.unit = unit;
        b.decimals = decimals;
        b.min = min;
        b.max = max;
        b.thresholds = thresholds;
        b.mappings = mappings == null ? null : new ArrayList<>(mappings);
        b.color = color;
        b.displayName = displayName;
        b.noValue = noValue;
        b.custom = custom;
        b.links = links == null ? null : new ArrayList<>(links);
        b.defaultsExtra = defaultsExtra;
        b.overrides = overrides == null ? null : new ArrayList<>(overrides);
        b.extra = extra;
        return b;
    }

    /** @return the unit ({@code s}, {@code bytes}, {@code percentunit}, {@code reqps}, ...). */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** @return the decimals. */
    public OptionalInt decimals() {
        return decimals == null ? OptionalInt.empty() : OptionalInt.of(decimals);
    }

    /** @return the minimum. */
    public OptionalDouble min() {
        return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    /** @return the maximum. */
    public OptionalDouble max() {
        return max == null ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    /** @return the thresholds. */
    public Optional<Thresholds> thresholds() {
        return Optional.ofNullable(thresholds);
    }

    /** @return the value mappings. */
    public List<ValueMapping> mappings() {
        return mappings == null ? List.of() : mappings;
    }

    /** @return the color scheme. */
    public Optional<FieldColor> color() {
        return Optional.ofNullable(color);
    }

    /** @return the overrides. */
    public List<FieldOverride> overrides() {
        return overrides == null ? List.of() : overrides;
    }

    /** @return a copy of the panel plugin's custom field options. */
    public Optional<ObjectNode> custom() {
        return Optional.ofNullable(custom).map(ObjectNode::deepCopy);
    }

    /** @return the JSON object. */
    public ObjectNode toJson() {
        Out out = new Out();
        if (hasDefaults) {
            out.owned("defaults", new Out().str("unit", unit).integer("decimals", decimals).number("min", min)
                    .number("max", max).owned("thresholds", thresholds == null ? null : thresholds.toJson())
                    .list("mappings", mappings, ValueMapping::toJson)
                    .owned("color", color == null ? null : color.toJson()).str("displayName", displayName)
                    .str("noValue", noValue).node("custom", custom).list("links", links, Link::toJson)
                    .extra(defaultsExtra));
        }
        return out.list("overrides", overrides, FieldOverride::toJson).extra(extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldConfig f && Json.valueEquals(toJson(), f.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, decimals);
    }

    @Override
    public String toString() {
        return Json.compact(toJson());
    }

    /**
     * Builds a {@link FieldConfig}.
     *
     * <pre>{@code
     * FieldConfig.builder().unit("bytes").min(0).build();
     * }</pre>
     */
    public static final class Builder {
        private boolean hasDefaults;
        private String unit;
        private Integer decimals;
        private Double min;
        private Double max;
        private Thresholds thresholds;
        private List<ValueMapping> mappings;
        private FieldColor color;
        private String displayName;
        private String noValue;
        private ObjectNode custom;
        private List<Link> links;
        private ObjectNode defaultsExtra;
        private List<FieldOverride> overrides;
        private ObjectNode extra;

        private Builder() {
        }

        /** Sets the unit. */
        public Builder unit(String u) {
            if (u == null || u.isBlank()) {
                throw new IllegalArgumentException("unit must not be blank");
            }
            hasDefaults = true;
            unit = u;
            return this;
        }

        /** Sets the decimals (0 to 20). */
        public Builder decimals(int d) {
            if (d < 0 || d > 20) {
                throw new IllegalArgumentException(d + " is not between 0 and 20 for decimals");
            }
            hasDefaults = true;
            decimals = d;
            return this;
        }

        /** Sets the minimum. */
        public Builder min(double v) {
            hasDefaults = true;
            min = v;
            return this;
        }

        /** Sets the maximum. */
        public Builder max(double v) {
            hasDefaults = true;
            max = v;
            return this;
        }

        /** Sets the thresholds. */
        public Builder thresholds(Thresholds t) {
            hasDefaults = true;
            thresholds = Objects.requireNonNull(t, "thresholds");
            return this;
        }

        /** Adds value mappings. */
        public Builder mappings(ValueMapping... m) {
            hasDefaults = true;
            if (mappings == null) {
                mappings = new ArrayList<>();
            }
            mappings.addAll(List.of(m));
            return this;
        }

        /** Sets the color scheme. */
        public Builder color(FieldColor c) {
            hasDefaults = true;
            color = Objects.requireNonNull(c, "color");
            return this;
        }

        /** Sets the display name (may use {@code ${__field.labels.x}}). */
        public Builder displayName(String n) {
            hasDefaults = true;
            displayName = Objects.requireNonNull(n, "displayName");
            return this;
        }

        /** Sets the text shown when there is no value. */
        public Builder noValue(String n) {
            hasDefaults = true;
            noValue = Objects.requireNonNull(n, "noValue");
            return this;
        }

        /** Sets one custom (panel plugin specific) field option. */
        public Builder custom(String key, JsonNode value) {
            hasDefaults = true;
            custom = custom == null ? Json.object() : custom.deepCopy();
            custom.set(key, value.deepCopy());
            return this;
        }

        /** Adds data links. */
        public Builder links(Link... l) {
            hasDefaults = true;
            if (links == null) {
                links = new ArrayList<>();
            }
            links.addAll(List.of(l));
            return this;
        }

        /** Adds an override. */
        public Builder override(FieldOverride o) {
            if (overrides == null) {
                overrides = new ArrayList<>();
            }
            overrides.add(Objects.requireNonNull(o, "override"));
            return this;
        }

        /** @return the configuration. */
        public FieldConfig build() {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("fieldConfig min " + min + " is greater than max " + max);
            }
            return new FieldConfig(this);
        }
    }
}
