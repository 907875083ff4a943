package io.monitoringkit.template.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Go values a template works with, as Java objects. {@code null} is Go's invalid (zero) reflect.Value, which
 * is what a nil interface or an untyped nil turns into.
 *
 * <ul>
 *   <li>{@link String} is a Go {@code string}, {@link Double} a {@code float64}, {@link Long} an {@code int},
 *   {@link Boolean} a {@code bool};</li>
 *   <li>the records below stand for the other types Prometheus' templates meet.</li>
 * </ul>
 */
public final class GoValues {

    private GoValues() {
    }

    /** A {@code uint8}, as {@code index} returns for a byte of a string. @param value the byte */
    public record GoUint8(int value) {
    }

    /** {@code html/template.HTML}, returned by {@code safeHtml}: a string type of its own. @param s the text */
    public record GoHtml(String s) {
    }

    /**
     * A Go map with string keys, iterated in key order.
     *
     * @param entries the entries
     * @param stringValues whether it is {@code map[string]string} (else {@code map[string]interface {}})
     */
    public record GoMap(Map<String, Object> entries, boolean stringValues) {
        /** Copies into a sorted map. */
        public GoMap {
            entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        }

        /** @return a {@code map[string]string}. */
        public static GoMap ofStrings(Map<String, String> m) {
            return new GoMap(Collections.unmodifiableMap(m), true);
        }

        String typeName() {
            return stringValues ? "map[string]string" : "map[string]interface {}";
        }

        /** @return the zero value of the element type. */
        Object zero() {
            return stringValues ? "" : null;
        }
    }

    /**
     * A {@code *template.sample}: one element of a query result.
     *
     * @param labels the labels, {@code __name__} included
     * @param value the sample value
     */
    public record Sample(GoMap labels, double value) {
        /** The struct a {@code *template.sample} points to, as printed at the top level. @param sample the pointer */
        public record Deref(Sample sample) {
        }
    }

    /** A nil {@code *template.sample}. */
    public static final Object NIL_SAMPLE = new Object() {
        @Override
        public String toString() {
            return "<nil>";
        }
    };

    /** A {@code template.queryResult} ({@code []*template.sample}). @param samples the samples */
    public record QueryResult(List<Sample> samples) {
        /** Copies. */
        public QueryResult {
            samples = List.copyOf(samples);
        }
    }

    /**
     * A {@code time.Time} (or, when {@code pointer}, a {@code *time.Time}), always in UTC.
     *
     * @param seconds seconds since the epoch
     * @param nanos nanoseconds within the second, 0..999999999
     * @param pointer whether this is a {@code *time.Time}
     */
    public record GoTime(long seconds, int nanos, boolean pointer) {
    }

    /**
     * A {@code time.Duration} (or, when {@code pointer}, a {@code *time.Duration}).
     *
     * @param nanos the length in nanoseconds
     * @param pointer whether this is a {@code *time.Duration}
     */
    public record GoDuration(long nanos, boolean pointer) {
    }

    /** {@code time.Month}. @param month 1..12 */
    public record GoMonth(int month) {
    }

    /** {@code time.Weekday}. @param day 0 (Sunday) .. 6 */
    public record GoWeekday(int day) {
    }

    /**
     * The data Prometheus hands to alert templates: {@code struct { Labels map[string]string; ExternalLabels
     * map[string]string; ExternalURL string; Value interface {} }}.
     *
     * @param labels the alert's labels
     * @param externalLabels the external labels
     * @param externalUrl the external URL
     * @param value the alert's value
     */
    public record AlertData(GoMap labels, GoMap externalLabels, String externalUrl, Object value) {
        /** Rejects nulls. */
        public AlertData {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(externalLabels, "externalLabels");
            Objects.requireNonNull(externalUrl, "externalUrl");
        }

        static final String TYPE = "struct { Labels map[string]string; ExternalLabels map[string]string; "
                + "ExternalURL string; Value interface {} }";
    }

    /** @return Go's name of the value's type, as %T prints it. */
    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof GoUint8) {
            return "uint8";
        }
        if (v instanceof GoHtml) {
            return "template.HTML";
        }
        if (v instanceof GoMap m) {
            return m.typeName();
        }
        if (v instanceof Sample.Deref) {
            return "template.sample";
        }
        if (v instanceof Sample || v == NIL_SAMPLE) {
            return "*template.sample";
        }
        if (v instanceof QueryResult) {
            return "template.queryResult";
        }
        if (v instanceof GoTime t) {
            return t.pointer() ? "*time.Time" : "time.Time";
        }
        if (v instanceof GoDuration d) {
            return d.pointer() ? "*time.Duration" : "time.Duration";
        }
        if (v instanceof GoMonth) {
            return "time.Month";
        }
        if (v instanceof GoWeekday) {
            return "time.Weekday";
        }
        if (v instanceof AlertData) {
            return AlertData.TYPE;
        }
        return v.getClass().getSimpleName();
    }

    /** Go's basic kinds, for comparisons. */
    public enum Kind { INVALID, BOOL, INT, UINT, FLOAT, STRING, OTHER }

    /** @return the basic kind of a value. */
    public static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long || v instanceof GoMonth || v instanceof GoWeekday
                || (v instanceof GoDuration d && !d.pointer())) {
            return Kind.INT;
        }
        if (v instanceof GoUint8) {
            return Kind.UINT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof String || v instanceof GoHtml) {
            return Kind.STRING;
        }
        return Kind.OTHER;
    }

    /** @return the integer value of an INT or UINT kind value. */
    public static long intValue(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof GoUint8 u) {
            return u.value();
        }
        if (v instanceof GoMonth m) {
            return m.month();
        }
        if (v instanceof GoWeekday w) {
            return w.day();
        }
        if (v instanceof GoDuration d) {
            return d.nanos();
        }
        throw new IllegalArgumentException(typeName(v));
    }

    /** @return the string value of a STRING kind value. */
    public static String stringValue(Object v) {
        return v instanceof GoHtml h ? h.s() : (String) v;
    }

    /** Go's truth (text/template isTrue): the zero value of any type is false. */
    public static boolean isTrue(Object v) {
        if (v == null || v == NIL_SAMPLE) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof GoHtml h) {
            return !h.s().isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof GoMap m) {
            return !m.entries().isEmpty();
        }
        if (v instanceof QueryResult q) {
            return !q.samples().isEmpty();
        }
        if (v instanceof GoTime t && !t.pointer()) {
            return true; // a struct
        }
        Kind k = kind(v);
        if (k == Kind.INT || k == Kind.UINT) {
            return intValue(v) != 0;
        }
        return true; // pointers and structs
    }

    /** @return the length of a string in bytes, as Go counts it. */
    public static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
