package io.monitoringkit.operator.internal;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.monitoringkit.model.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Kubernetes label selector matching that says why a set of labels does not match. */
public final class Selectors {
    private Selectors() {
    }

    /** @return why {@code labels} do not match {@code selector}; empty when they match (an empty selector matches all) */
    public static List<String> mismatches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        List<String> out = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> {
                String actual = l.get(k);
                if (actual == null) {
                    out.add("label " + k + "=" + v + " is missing");
                } else if (!actual.equals(v)) {
                    out.add("label " + k + " is " + GoStrings.quote(actual) + ", not " + GoStrings.quote(v));
                }
            });
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String k = r.getKey();
                String actual = l.get(k);
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                switch (String.valueOf(r.getOperator())) {
                    case "In" -> {
                        if (actual == null || !values.contains(actual)) {
                            out.add("label " + k + (actual == null ? " is missing" : " is " + GoStrings.quote(actual))
                                    + ", expected one of " + String.join(", ", values));
                        }
                    }
                    case "NotIn" -> {
                        if (actual != null && values.contains(actual)) {
                            out.add("label " + k + " is " + GoStrings.quote(actual) + ", expected none of "
                                    + String.join(", ", values));
                        }
                    }
                    case "Exists" -> {
                        if (actual == null) {
                            out.add("label " + k + " is missing");
                        }
                    }
                    case "DoesNotExist" -> {
                        if (actual != null) {
                            out.add("label " + k + " must not be set");
                        }
                    }
                    default -> out.add("operator " + GoStrings.quote(String.valueOf(r.getOperator()))
                            + " is not a selector operator");
                }
            }
        }
        return out;
    }

    /** @return a short text form, e.g. {@code release=my-prom, team in (a, b)} */
    public static String describe(LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            new java.util.TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                parts.add(switch (String.valueOf(r.getOperator())) {
                    case "Exists" -> r.getKey();
                    case "DoesNotExist" -> "!" + r.getKey();
                    default -> r.getKey() + " " + r.getOperator().toLowerCase(java.util.Locale.ROOT).replace("notin",
                            "notin") + " (" + values.stream().collect(Collectors.joining(", ")) + ")";
                });
            }
        }
        return parts.isEmpty() ? "(everything)" : String.join(", ", parts);
    }
}
