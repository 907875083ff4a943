package io.monitoringkit.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Copies of string maps, sorted by key, without nulls. */
final class RuleMaps {

    private RuleMaps() {
    }

    static Map<String, String> copy(Map<String, String> m, String what) {
        Objects.requireNonNull(m, what);
        TreeMap<String, String> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " name"),
                Objects.requireNonNull(v, () -> "value of " + what + " \"" + k + "\"")));
        return Collections.unmodifiableMap(copy);
    }
}
