package io.monitoringkit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable set of label name/value pairs, sorted by name, as Prometheus keeps them. Names are unique.
 * Empty values are dropped on construction, because Prometheus treats an empty label as an absent one.
 *
 * <pre>{@code
 * Labels l = Labels.of("job", "api", "__name__", "up");
 * l.get("job");           // Optional[api]
 * l.metricName();         // Optional[up]
 * l.toString();           // {__name__="up", job="api"}
 * l.with("instance", "a:9090").without("job");
 * for (Labels.Label label : l.toList()) { ... }
 * }</pre>
 *
 * <p>It is deliberately not {@code Iterable}: a type both iterable and comparable is ambiguous to AssertJ's
 * {@code assertThat}; use {@link #toList()} or {@link #forEach(BiConsumer)}.
 */
public final class Labels implements Comparable<Labels> {

    /** One name/value pair. @param name the label name @param value the label value */
    public record Label(String name, String value) {
        /** Rejects nulls. */
        public Label {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private int hash;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** @return the empty label set. */
    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Builds labels from alternating names and values.
     *
     * @throws IllegalArgumentException when the count is odd or a name repeats
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels.of takes name/value pairs, got an odd number of arguments ("
                    + namesAndValues.length + ")");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = Objects.requireNonNull(namesAndValues[i], "label name");
            String value = Objects.requireNonNull(namesAndValues[i + 1], () -> "value of label \"" + name + "\"");
            if (map.put(name, value) != null) {
                throw new IllegalArgumentException("\"" + name + "\" is given twice; label names must be unique");
            }
        }
        return from(map);
    }

    /** @return labels holding the entries of {@code map} (empty values dropped). */
    public static Labels from(Map<String, String> map) {
        Objects.requireNonNull(map, "map");
        String[] ns = new String[map.size()];
        int n = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            Objects.requireNonNull(e.getKey(), "label name");
            Objects.requireNonNull(e.getValue(), () -> "value of label \"" + e.getKey() + "\"");
            if (!e.getValue().isEmpty()) {
                ns[n++] = e.getKey();
            }
        }
        ns = Arrays.copyOf(ns, n);
        Arrays.sort(ns);
        String[] vs = new String[n];
        for (int i = 0; i < n; i++) {
            vs[i] = map.get(ns[i]);
        }
        return n == 0 ? EMPTY : new Labels(ns, vs);
    }

    /**
     * Builds labels from the first {@code count} entries of parallel arrays, without an intermediate map (for
     * parsers). The arrays are copied, not kept; empty values are dropped.
     *
     * @throws IllegalArgumentException when a name repeats
     */
    public static Labels ofArrays(String[] names, String[] values, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!values[i].isEmpty()) {
                n++;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        String[] ns = new String[n];
        String[] vs = new String[n];
        int k = 0;
        for (int i = 0; i < count; i++) {
            String name = Objects.requireNonNull(names[i], "label name");
            String value = Objects.requireNonNull(values[i], "label value");
            if (value.isEmpty()) {
                continue;
            }
            int j = k++;
            while (j > 0 && ns[j - 1].compareTo(name) > 0) {
                ns[j] = ns[j - 1];
                vs[j] = vs[j - 1];
                j--;
            }
            ns[j] = name;
            vs[j] = value;
        }
        for (int i = 1; i < n; i++) {
            if (ns[i].equals(ns[i - 1])) {
                throw new IllegalArgumentException("\"" + ns[i] + "\" is given twice; label names must be unique");
            }
        }
        return new Labels(ns, vs);
    }

    /** @return the number of labels. */
    public int size() {
        return names.length;
    }

    /** @return whether there is no label. */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /** @return the value of label {@code name}, if present. */
    public Optional<String> get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? Optional.of(values[i]) : Optional.empty();
    }

    /** @return the value of label {@code name}, or {@code ""} when absent (Prometheus' view). */
    public String getOrEmpty(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? values[i] : "";
    }

    /** @return whether label {@code name} is present. */
    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    /** @return the value of {@code __name__}, if present. */
    public Optional<String> metricName() {
        return get(Names.METRIC_NAME_LABEL);
    }

    /** @return the i-th name in sorted order. */
    public String name(int i) {
        return names[i];
    }

    /** @return the i-th value in name order. */
    public String value(int i) {
        return values[i];
    }

    /** @return the sorted label names. */
    public List<String> names() {
        return List.of(names);
    }

    /** @return a copy with label {@code name} set to {@code value} (removed when {@code value} is empty). */
    public Labels with(String name, String value) {
        Map<String, String> m = asMap();
        m = new LinkedHashMap<>(m);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return from(m);
    }

    /** @return a copy without the given labels. */
    public Labels without(String... drop) {
        Set<String> d = Set.of(drop);
        Map<String, String> m = new LinkedHashMap<>();
        forEach((n, v) -> {
            if (!d.contains(n)) {
                m.put(n, v);
            }
        });
        return from(m);
    }

    /** @return a copy without {@code __name__}. */
    public Labels withoutMetricName() {
        return has(Names.METRIC_NAME_LABEL) ? without(Names.METRIC_NAME_LABEL) : this;
    }

    /** @return a copy holding only the given labels. */
    public Labels keep(Iterable<String> keep) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : keep) {
            get(n).ifPresent(v -> m.put(n, v));
        }
        return from(m);
    }

    /** @return an unmodifiable, name-sorted map view copy. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        forEach(m::put);
        return Collections.unmodifiableMap(m);
    }

    /** Calls {@code action} for each label in name order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** @return the labels as a list of pairs in name order. */
    public List<Label> toList() {
        List<Label> list = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            list.add(new Label(names[i], values[i]));
        }
        return List.copyOf(list);
    }

    /** Orders as Prometheus does: pairwise by name, then value, then shorter first. */
    @Override
    public int compareTo(Labels o) {
        int n = Math.min(names.length, o.names.length);
        for (int i = 0; i < n; i++) {
            int c = names[i].compareTo(o.names[i]);
            if (c != 0) {
                return c;
            }
            c = values[i].compareTo(o.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.length, o.names.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && Arrays.equals(names, l.names) && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
            hash = h;
        }
        return h;
    }

    /** Prometheus' rendering: {@code {a="1", b="2"}} with Go-quoted values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=');
            GoStrings.quoteTo(sb, values[i]);
        }
        return sb.append('}').toString();
    }
}
