package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.model.Labels;

import java.util.TreeMap;

/** Prometheus' {@code labels.Builder}: setting a label to "" deletes it. */
final class LabelsBuilder {
    private final TreeMap<String, String> map = new TreeMap<>();

    LabelsBuilder(Labels base) {
        for (int i = 0; i < base.size(); i++) {
            map.put(base.name(i), base.value(i));
        }
    }

    LabelsBuilder set(String name, String value) {
        if (value.isEmpty()) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
        return this;
    }

    LabelsBuilder delete(String name) {
        map.remove(name);
        return this;
    }

    Labels build() {
        return Labels.from(map);
    }
}
