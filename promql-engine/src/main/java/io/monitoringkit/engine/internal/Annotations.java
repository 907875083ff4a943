package io.monitoringkit.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings and infos collected during evaluation (deduplicated, in order of first occurrence). */
public final class Annotations {
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    void warn(String message) {
        warnings.add("PromQL warning: " + message);
    }

    void info(String message) {
        infos.add("PromQL info: " + message);
    }

    /** @return the warnings, e.g. {@code PromQL warning: quantile value should be between 0 and 1, got 2}. */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    /** @return the infos. */
    public List<String> infos() {
        return new ArrayList<>(infos);
    }
}
