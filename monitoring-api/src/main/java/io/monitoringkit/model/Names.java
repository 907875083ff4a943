package io.monitoringkit.model;

/**
 * Metric and label name rules of Prometheus, in both of its regimes.
 *
 * <ul>
 *   <li><b>Legacy</b> (what Prometheus 2.x accepts and what PromQL can write without quoting): metric names match
 *   {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*}.</li>
 *   <li><b>UTF-8</b> (Prometheus 3.x): any non-empty, well-formed UTF-8 string; PromQL writes such names quoted
 *   ({@code {"my.metric", "my.label"="x"}}).</li>
 * </ul>
 *
 * <pre>{@code
 * Names.isLegacyMetricName("http_requests_total"); // true
 * Names.isLegacyLabelName("le");                    // true
 * Names.isLegacyMetricName("http.requests");        // false, but
 * Names.isUtf8Name("http.requests");                // true
 * }</pre>
 */
public final class Names {

    /** The label that holds the metric name. */
    public static final String METRIC_NAME_LABEL = "__name__";

    private Names() {
    }

    /** @return whether {@code name} matches {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    public static boolean isLegacyMetricName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code name} matches {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    public static boolean isLegacyLabelName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code name} is non-empty and well-formed UTF-16 (so well-formed UTF-8): Prometheus 3.x' rule. */
    public static boolean isUtf8Name(String name) {
        return name != null && !name.isEmpty() && isWellFormed(name);
    }

    /** @return whether {@code s} has no unpaired surrogate, i.e. encodes to valid UTF-8. */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the label name is reserved for Prometheus' internal use ({@code __} prefix). */
    public static boolean isReservedLabelName(String name) {
        return name != null && name.startsWith("__");
    }

    /**
     * Checks a metric name under the legacy rules.
     *
     * @return {@code name}
     * @throws IllegalArgumentException quoting the name and the rule when it is invalid
     */
    public static String requireLegacyMetricName(String name) {
        if (!isLegacyMetricName(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid metric name "
                    + "(it must match [a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        return name;
    }

    /**
     * Checks a label name under the legacy rules.
     *
     * @return {@code name}
     * @throws IllegalArgumentException quoting the name and the rule when it is invalid
     */
    public static String requireLegacyLabelName(String name) {
        if (!isLegacyLabelName(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid label name "
                    + "(it must match [a-zA-Z_][a-zA-Z0-9_]*)");
        }
        return name;
    }

    /**
     * Checks a name under the UTF-8 rules (any non-empty well-formed string).
     *
     * @param what "metric name" or "label name", for the message
     * @return {@code name}
     * @throws IllegalArgumentException when it is empty or not well-formed
     */
    public static String requireUtf8Name(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        if (!isWellFormed(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid " + what + ": it is not valid UTF-8");
        }
        return name;
    }
}
