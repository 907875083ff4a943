package io.monitoringkit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extra request parameters of Prometheus-compatible servers, sent with every request of a client view (see
 * {@link PrometheusClient#withExtraParams(ExtraParams)}): Thanos {@code dedup}, {@code partial_response},
 * {@code max_source_resolution}; VictoriaMetrics {@code extra_label} and {@code extra_filters[]}; or anything else
 * by name. Immutable.
 *
 * <pre>{@code
 * ExtraParams thanos = ExtraParams.none().dedup(true).partialResponse(false).maxSourceResolution("5m");
 * ExtraParams vm = ExtraParams.none().extraLabel("tenant", "a");
 * }</pre>
 */
public final class ExtraParams {
    private static final ExtraParams NONE = new ExtraParams(List.of());

    private final List<String[]> params;

    private ExtraParams(List<String[]> params) {
        this.params = params;
    }

    /** @return no extra parameters. */
    public static ExtraParams none() {
        return NONE;
    }

    /**
     * @return a copy adding {@code name=value} (names may repeat)
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public ExtraParams add(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an extra parameter needs a name");
        }
        List<String[]> copy = new ArrayList<>(params);
        copy.add(new String[] {name, value});
        return new ExtraParams(List.copyOf(copy));
    }

    /** Thanos: deduplicate replicas. @return a copy */
    public ExtraParams dedup(boolean dedup) {
        return add("dedup", Boolean.toString(dedup));
    }

    /** Thanos: allow (or refuse) partial responses. @return a copy */
    public ExtraParams partialResponse(boolean allow) {
        return add("partial_response", Boolean.toString(allow));
    }

    /** Thanos: downsampling resolution ({@code 0s}, {@code 5m}, {@code 1h} or {@code auto}). @return a copy */
    public ExtraParams maxSourceResolution(String resolution) {
        return add("max_source_resolution", resolution);
    }

    /** VictoriaMetrics: enforce label {@code name=value} on every selector. @return a copy */
    public ExtraParams extraLabel(String name, String value) {
        return add("extra_label", name + "=" + value);
    }

    /** VictoriaMetrics: enforce a series selector. @return a copy */
    public ExtraParams extraFilter(String selector) {
        return add("extra_filters[]", selector);
    }

    /** @return the name/value pairs, in order. */
    public List<String[]> pairs() {
        return params;
    }

    /** @return a copy with the parameters of {@code other} appended. */
    public ExtraParams and(ExtraParams other) {
        List<String[]> copy = new ArrayList<>(params);
        copy.addAll(other.params);
        return new ExtraParams(List.copyOf(copy));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtraParams{");
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(params.get(i)[0]).append('=').append(params.get(i)[1]);
        }
        return sb.append('}').toString();
    }
}
