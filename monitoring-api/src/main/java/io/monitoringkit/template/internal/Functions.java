package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.template.internal.Func.FuncException;
import io.monitoringkit.template.internal.Func.PType;
import io.monitoringkit.template.internal.GoValues.GoDuration;
import io.monitoringkit.template.internal.GoValues.GoHtml;
import io.monitoringkit.template.internal.GoValues.GoMap;
import io.monitoringkit.template.internal.GoValues.GoTime;
import io.monitoringkit.template.internal.GoValues.GoUint8;
import io.monitoringkit.template.internal.GoValues.Kind;
import io.monitoringkit.template.internal.GoValues.QueryResult;
import io.monitoringkit.template.internal.GoValues.Sample;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** text/template's builtin functions and the functions Prometheus (3.x) adds for alert templates. */
public final class Functions {

    private Functions() {
    }

    /** What the Prometheus functions need from the outside. */
    public interface Env {
        /**
         * Runs a PromQL query at the evaluation time.
         *
         * @throws FuncException with the error text when it fails
         */
        List<Sample> query(String expr) throws FuncException;

        /** @return the external URL ("" when unset). */
        String externalUrl();

        /** @return the evaluation time in seconds since the epoch. */
        double nowSeconds();
    }

    /** The builtin functions of text/template. */
    public static final Set<String> BUILTIN_NAMES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
            "urlquery", "eq", "ge", "gt", "le", "lt", "ne")));

    /** The functions Prometheus 3.x adds. */
    public static final Set<String> PROMETHEUS_NAMES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title",
            "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "stripPort", "stripDomain", "humanize",
            "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "toDuration",
            "now", "pathPrefix", "externalURL", "parseDuration", "urlQueryEscape")));

    /** The Prometheus version (major, minor) that introduced each function added after 2.0. */
    public static final Map<String, int[]> INTRODUCED = Map.of(
            "humanizePercentage", new int[] {2, 11}, "parseDuration", new int[] {2, 32},
            "stripPort", new int[] {2, 33}, "stripDomain", new int[] {2, 36}, "toTime", new int[] {2, 38},
            "toDuration", new int[] {3, 6}, "now", new int[] {3, 6}, "urlQueryEscape", new int[] {3, 8});

    /** @return whether Prometheus {@code major.minor} has the function. */
    public static boolean availableIn(String name, int major, int minor) {
        int[] v = INTRODUCED.get(name);
        return v == null || major > v[0] || (major == v[0] && minor >= v[1]);
    }

    /** Every function name a template may use. */
    public static final Set<String> ALL_NAMES;

    static {
        TreeSet<String> all = new TreeSet<>(BUILTIN_NAMES);
        all.addAll(PROMETHEUS_NAMES);
        ALL_NAMES = Collections.unmodifiableSet(all);
    }

    /** @return every function, bound to {@code env}. */
    public static Map<String, Func> create(Env env) {
        Map<String, Func> m = new LinkedHashMap<>();
        builtins(m);
        prometheus(m, env);
        return m;
    }

    private static void put(Map<String, Func> m, String name, List<PType> params, PType variadic, boolean builtin,
                            Func.Impl impl) {
        m.put(name, new Func(name, params, variadic, builtin, impl));
    }

    private static final List<PType> S = List.of(PType.STRING);
    private static final List<PType> A = List.of(PType.ANY);
    private static final List<PType> V = List.of(PType.VALUE);
    private static final List<PType> VV = List.of(PType.VALUE, PType.VALUE);

    // ---------------------------------------------------------------- builtins

    private static void builtins(Map<String, Func> m) {
        put(m, "and", V, PType.VALUE, true, a -> null); // short-circuit handled by the executor
        put(m, "or", V, PType.VALUE, true, a -> null);
        put(m, "not", V, null, true, a -> !GoValues.isTrue(a.get(0)));
        put(m, "len", V, null, true, a -> length(a.get(0)));
        put(m, "index", V, PType.VALUE, true, a -> index(a.get(0), a.subList(1, a.size())));
        put(m, "slice", V, PType.VALUE, true, a -> slice(a.get(0), a.subList(1, a.size())));
        put(m, "print", List.of(), PType.ANY, true, GoFmt::sprint);
        put(m, "println", List.of(), PType.ANY, true, GoFmt::sprintln);
        put(m, "printf", S, PType.ANY, true, a -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size())));
        put(m, "html", List.of(), PType.ANY, true, a -> htmlEscape(evalArgs(a)));
        put(m, "js", List.of(), PType.ANY, true, a -> jsEscape(evalArgs(a)));
        put(m, "urlquery", List.of(), PType.ANY, true, a -> queryEscape(evalArgs(a)));
        put(m, "call", V, PType.VALUE, true, a -> {
            if (a.get(0) == null) {
                throw new FuncException("call of nil");
            }
            throw new FuncException("non-function of type " + GoValues.typeName(a.get(0)));
        });
        put(m, "eq", V, PType.VALUE, true, a -> eq(a.get(0), a.subList(1, a.size())));
        put(m, "ne", VV, null, true, a -> !eq(a.get(0), List.of(a.get(1))));
        put(m, "lt", VV, null, true, a -> lt(a.get(0), a.get(1)));
        put(m, "le", VV, null, true, a -> le(a.get(0), a.get(1)));
        put(m, "gt", VV, null, true, a -> !le(a.get(0), a.get(1)));
        put(m, "ge", VV, null, true, a -> !lt(a.get(0), a.get(1)));
    }

    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>();
        for (Object o : args) {
            printable.add(o == null ? "<no value>" : o);
        }
        return GoFmt.sprint(printable);
    }

    private static Object length(Object item) throws FuncException {
        if (item == null) {
            throw new FuncException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item == GoValues.NIL_SAMPLE) {
            throw new FuncException("len of nil pointer");
        }
        if (item instanceof String s) {
            return (long) GoValues.byteLength(s);
        }
        if (item instanceof GoHtml h) {
            return (long) GoValues.byteLength(h.s());
        }
        if (item instanceof GoMap mp) {
            return (long) mp.entries().size();
        }
        if (item instanceof QueryResult q) {
            return (long) q.samples().size();
        }
        throw new FuncException("len of type " + derefTypeName(item));
    }

    private static String derefTypeName(Object v) {
        String t = GoValues.typeName(v);
        return t.startsWith("*") ? t.substring(1) : t;
    }

    private static int indexArg(Object index, int cap) throws FuncException {
        Kind k = GoValues.kind(index);
        if (index == null) {
            throw new FuncException("cannot index slice/array with nil");
        }
        if (k != Kind.INT && k != Kind.UINT) {
            throw new FuncException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        long x = GoValues.intValue(index);
        if (x < 0 || x > cap) {
            throw new FuncException("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object index(Object item, List<Object> indexes) throws FuncException {
        if (item == null) {
            throw new FuncException("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == GoValues.NIL_SAMPLE) {
                throw new FuncException("index of nil pointer");
            }
            if (item instanceof String || item instanceof GoHtml) {
                byte[] b = GoValues.stringValue(item).getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, b.length);
                if (x == b.length) {
                    throw new FuncException("reflect: string index out of range");
                }
                item = new GoUint8(b[x] & 0xff);
            } else if (item instanceof QueryResult q) {
                int x = indexArg(index, q.samples().size());
                if (x == q.samples().size()) {
                    throw new FuncException("reflect: slice index out of range");
                }
                item = q.samples().get(x);
            } else if (item instanceof GoMap mp) {
                if (index == null) {
                    throw new FuncException("value is nil; should be of type string");
                }
                if (!(index instanceof String key)) {
                    throw new FuncException("value has type " + GoValues.typeName(index) + "; should be string");
                }
                item = mp.entries().containsKey(key) ? mp.entries().get(key) : mp.zero();
            } else {
                throw new FuncException("can't index item of type " + derefTypeName(item));
            }
        }
        return item;
    }

    private static Object slice(Object item, List<Object> indexes) throws FuncException {
        if (item == null) {
            throw new FuncException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new FuncException("too many slice indexes: " + indexes.size());
        }
        int cap;
        int len;
        byte[] bytes = null;
        if (item instanceof String || item instanceof GoHtml) {
            if (indexes.size() == 3) {
                throw new FuncException("cannot 3-index slice a string");
            }
            bytes = GoValues.stringValue(item).getBytes(StandardCharsets.UTF_8);
            cap = len = bytes.length;
        } else if (item instanceof QueryResult q) {
            cap = len = q.samples().size();
        } else {
            throw new FuncException("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, len, 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), cap);
        }
        if (idx[0] > idx[1]) {
            throw new FuncException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new FuncException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            String s = new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
            return item instanceof GoHtml ? new GoHtml(s) : s;
        }
        return new QueryResult(((QueryResult) item).samples().subList(idx[0], idx[1]));
    }

    private static final String BAD_TYPE = "invalid type for comparison";
    private static final String INCOMPATIBLE = "incompatible types for comparison";

    static boolean eq(Object a1, List<Object> rest) throws FuncException {
        if (rest.isEmpty()) {
            throw new FuncException("missing argument for comparison");
        }
        Kind k1 = GoValues.kind(a1);
        for (Object a2 : rest) {
            Kind k2 = GoValues.kind(a2);
            boolean truth = false;
            if (k1 != k2) {
                if ((k1 == Kind.INT && k2 == Kind.UINT) || (k1 == Kind.UINT && k2 == Kind.INT)) {
                    truth = GoValues.intValue(a1) == GoValues.intValue(a2);
                } else if (a1 != null && a2 != null) {
                    throw new FuncException(INCOMPATIBLE);
                }
            } else {
                switch (k1) {
                    case BOOL -> truth = a1.equals(a2);
                    case FLOAT -> truth = ((Double) a1).doubleValue() == ((Double) a2).doubleValue();
                    case INT, UINT -> truth = GoValues.intValue(a1) == GoValues.intValue(a2);
                    case STRING -> truth = GoValues.stringValue(a1).equals(GoValues.stringValue(a2));
                    case INVALID -> truth = true;
                    default -> {
                        if (a1 instanceof GoMap || a1 instanceof QueryResult) {
                            throw new FuncException("non-comparable type " + GoFmt.sprint1(a1) + ": "
                                    + GoValues.typeName(a1));
                        }
                        if (!GoValues.typeName(a1).equals(GoValues.typeName(a2))) {
                            throw new FuncException("non-comparable types " + GoFmt.sprint1(a1) + ": "
                                    + GoValues.typeName(a1) + ", " + GoValues.typeName(a2) + ": " + GoFmt.sprint1(a2));
                        }
                        truth = a1 == a2 || (!(a1 instanceof Sample) && a1.equals(a2));
                    }
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object a1, Object a2) throws FuncException {
        Kind k1 = GoValues.kind(a1);
        if (k1 == Kind.INVALID || k1 == Kind.OTHER) {
            throw new FuncException(BAD_TYPE);
        }
        Kind k2 = GoValues.kind(a2);
        if (k2 == Kind.INVALID || k2 == Kind.OTHER) {
            throw new FuncException(BAD_TYPE);
        }
        if (k1 != k2) {
            if (k1 == Kind.INT && k2 == Kind.UINT) {
                return GoValues.intValue(a1) < GoValues.intValue(a2);
            }
            if (k1 == Kind.UINT && k2 == Kind.INT) {
                return GoValues.intValue(a1) < GoValues.intValue(a2);
            }
            throw new FuncException(INCOMPATIBLE);
        }
        return switch (k1) {
            case BOOL -> throw new FuncException(BAD_TYPE);
            case FLOAT -> (Double) a1 < (Double) a2;
            case INT, UINT -> GoValues.intValue(a1) < GoValues.intValue(a2);
            case STRING -> GoStrings.compare(GoValues.stringValue(a1), GoValues.stringValue(a2)) < 0;
            default -> throw new FuncException(BAD_TYPE);
        };
    }

    static boolean le(Object a1, Object a2) throws FuncException {
        if (lt(a1, a2)) {
            return true;
        }
        return eq(a1, List.of(a2));
    }


    static String htmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> sb.append('\uFFFD');
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String jsEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '<' -> sb.append("\\u003C");
                case '>' -> sb.append("\\u003E");
                case '&' -> sb.append("\\u0026");
                case '=' -> sb.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        sb.append(String.format("\\u%04X", c));
                    } else if (c < 0x80 || GoUnquote.isPrint(c)) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append(String.format("\\u%04X", c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** url.QueryEscape. */
    static String queryEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- Prometheus

    private static void prometheus(Map<String, Func> m, Env env) {
        put(m, "query", S, null, false, a -> new QueryResult(env.query((String) a.get(0))));
        put(m, "first", List.of(PType.QUERY_RESULT), null, false, a -> {
            QueryResult q = (QueryResult) a.get(0);
            if (q.samples().isEmpty()) {
                throw new FuncException("first() called on vector with no elements");
            }
            return q.samples().get(0);
        });
        put(m, "label", List.of(PType.STRING, PType.SAMPLE), null, false,
                a -> label(sample(a.get(1)), (String) a.get(0)));
        put(m, "value", List.of(PType.SAMPLE), null, false, a -> sample(a.get(0)).value());
        put(m, "strvalue", List.of(PType.SAMPLE), null, false, a -> label(sample(a.get(0)), "__value__"));
        put(m, "args", List.of(), PType.ANY, false, a -> {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i++) {
                r.put("arg" + i, a.get(i));
            }
            return new GoMap(r, false);
        });
        put(m, "reReplaceAll", List.of(PType.STRING, PType.STRING, PType.STRING), null, false, a -> {
            String pattern = (String) a.get(0);
            Pattern p;
            try {
                p = GoRegex.compile(pattern);
            } catch (GoRegex.RegexError e) {
                throw new FuncException("regexp: Compile(" + GoRegex.quote(pattern) + "): " + e.getMessage());
            }
            return GoRegex.replaceAll(p, (String) a.get(2), (String) a.get(1));
        });
        put(m, "safeHtml", S, null, false, a -> new GoHtml((String) a.get(0)));
        put(m, "match", List.of(PType.STRING, PType.STRING), null, false, a -> {
            try {
                return GoRegex.compile((String) a.get(0)).matcher((String) a.get(1)).find();
            } catch (GoRegex.RegexError e) {
                throw new FuncException(e.getMessage());
            }
        });
        put(m, "title", S, null, false, a -> title((String) a.get(0)));
        put(m, "toUpper", S, null, false, a -> mapCodePoints((String) a.get(0), true));
        put(m, "toLower", S, null, false, a -> mapCodePoints((String) a.get(0), false));
        put(m, "graphLink", S, null, false, a -> "/graph?g0.expr=" + queryEscape((String) a.get(0)) + "&g0.tab=0");
        put(m, "tableLink", S, null, false, a -> "/graph?g0.expr=" + queryEscape((String) a.get(0)) + "&g0.tab=1");
        put(m, "sortByLabel", List.of(PType.STRING, PType.QUERY_RESULT), null, false, a -> {
            String l = (String) a.get(0);
            List<Sample> sorted = new ArrayList<>(((QueryResult) a.get(1)).samples());
            sorted.sort(Comparator.comparing((Sample s) -> labelOrEmpty(s, l), GoStrings::compare));
            return new QueryResult(sorted);
        });
        put(m, "stripPort", S, null, false, a -> {
            String hp = (String) a.get(0);
            String[] hostPort = splitHostPort(hp);
            return hostPort == null ? hp : hostPort[0];
        });
        put(m, "stripDomain", S, null, false, a -> stripDomain((String) a.get(0)));
        put(m, "humanize", A, null, false, a -> humanize(toFloat(a.get(0))));
        put(m, "humanize1024", A, null, false, a -> humanize1024(toFloat(a.get(0))));
        put(m, "humanizeDuration", A, null, false, a -> humanizeDuration(toFloat(a.get(0))));
        put(m, "humanizePercentage", A, null, false, a -> fmt4g(toFloat(a.get(0)) * 100) + "%");
        put(m, "humanizeTimestamp", A, null, false, a -> {
            double v = toFloat(a.get(0));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return fmt4g(v);
            }
            return GoTimes.string(floatToTime(v));
        });
        put(m, "toTime", A, null, false, a -> {
            double v = toFloat(a.get(0));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new FuncException("value is NaN or Inf");
            }
            return floatToTime(v);
        });
        put(m, "toDuration", A, null, false, a -> new GoDuration((long) (toFloat(a.get(0)) * 1e9), true));
        put(m, "now", List.of(), null, false, a -> env.nowSeconds());
        put(m, "pathPrefix", List.of(), null, false, a -> pathOf(env.externalUrl()));
        put(m, "externalURL", List.of(), null, false, a -> env.externalUrl());
        put(m, "parseDuration", S, null, false, a -> parseDuration((String) a.get(0)));
        put(m, "urlQueryEscape", S, null, false, a -> queryEscape((String) a.get(0)));
    }

    private static Sample sample(Object s) throws FuncException {
        if (s == GoValues.NIL_SAMPLE) {
            throw new FuncException("runtime error: invalid memory address or nil pointer dereference");
        }
        return (Sample) s;
    }

    private static String label(Sample s, String name) {
        Object v = s.labels().entries().get(name);
        return v == null ? "" : (String) v;
    }

    private static String labelOrEmpty(Sample s, String name) {
        return label(s, name);
    }

    private static String fmt4g(double v) {
        return GoFmt.sprintf("%.4g", List.of(v));
    }

    /** prometheus/common's ConvertToFloat. */
    static double toFloat(Object i) throws FuncException {
        if (i instanceof Double d) {
            return d;
        }
        if (i instanceof String s) {
            try {
                return GoFloat.parseFloat(s);
            } catch (GoFloat.NumError e) {
                throw new FuncException(e.getMessage());
            }
        }
        if (i instanceof Long l) {
            return l;
        }
        if (i instanceof GoDuration d && !d.pointer()) {
            return d.nanos() / 1e9;
        }
        throw new FuncException("can't convert " + GoValues.typeName(i) + " to float");
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return fmt4g(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : new String[] {"k", "M", "G", "T", "P", "E", "Z", "Y"}) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return fmt4g(v) + prefix;
        }
        for (String p : new String[] {"m", "u", "n", "p", "f", "a", "z", "y"}) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return fmt4g(v) + prefix;
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return fmt4g(v);
        }
        String prefix = "";
        for (String p : new String[] {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return fmt4g(v) + prefix;
    }

    static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return fmt4g(v);
        }
        if (v == 0) {
            return fmt4g(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = "";
            if (v < 0) {
                sign = "-";
                v = -v;
            }
            long duration = (long) v;
            long seconds = duration % 60;
            long minutes = (duration / 60) % 60;
            long hours = (duration / 60 / 60) % 24;
            long days = duration / 60 / 60 / 24;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + fmt4g(v) + "s";
        }
        String prefix = "";
        for (String p : new String[] {"m", "u", "n", "p", "f", "a", "z", "y"}) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return fmt4g(v) + prefix + "s";
    }

    static GoTime floatToTime(double v) throws FuncException {
        double ts = v * 1e9;
        if (ts > 9.223372036854775807E18 || ts < -9.223372036854775808E18) {
            throw new FuncException(GoFloat.formatV(v)
                    + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        long ns = (long) ts;
        long ms = ns / 1_000_000L;
        long secs = ms / 1000;
        long nanos = (ms % 1000) * 1_000_000L;
        if (nanos < 0) {
            secs -= 1;
            nanos += 1_000_000_000L;
        }
        return new GoTime(secs, (int) nanos, true);
    }

    static String mapCodePoints(String s, boolean upper) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return sb.toString();
    }

    private static boolean isWordRune(int c) {
        int t = Character.getType(c);
        return Character.isLetterOrDigit(c) || c == '_' || t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** cases.Title(language.AmericanEnglish, cases.NoLower): upper-cases the first letter of each word. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] cps = s.codePoints().toArray();
        boolean inWord = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (isWordRune(c)) {
                if (!inWord && Character.isLetter(c)) {
                    sb.appendCodePoint(Character.toTitleCase(c));
                } else {
                    sb.appendCodePoint(c);
                }
                inWord = true;
            } else {
                boolean mid = (c == '\'' || c == '\u2019' || c == '.' || c == ':' || c == '\u00B7')
                        && inWord && i + 1 < cps.length && Character.isLetter(cps[i + 1])
                        && i > 0 && Character.isLetter(cps[i - 1]);
                sb.appendCodePoint(c);
                inWord = mid;
            }
        }
        return sb.toString();
    }

    /** net.SplitHostPort; null on error. */
    static String[] splitHostPort(String hp) {
        int i = hp.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (!hp.isEmpty() && hp.charAt(0) == '[') {
            int end = hp.indexOf(']');
            if (end < 0) {
                return null;
            }
            if (end + 1 == hp.length()) {
                return null;
            } else if (end + 1 != i) {
                return null;
            }
            host = hp.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hp.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hp.indexOf('[', j) >= 0 || hp.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {host, hp.substring(i + 1)};
    }

    static String stripDomain(String hostPort) {
        String[] hp = splitHostPort(hostPort);
        String host = hp == null ? hostPort : hp[0];
        String port = hp == null ? "" : hp[1];
        if (isIp(host)) {
            return hostPort;
        }
        int dot = host.indexOf('.');
        host = dot < 0 ? host : host.substring(0, dot);
        if (!port.isEmpty()) {
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        }
        return host;
    }

    /** net.ParseIP(s) != nil. */
    static boolean isIp(String s) {
        if (s.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                    return false;
                }
            }
            return true;
        }
        if (s.indexOf(':') < 0 || !s.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address
                    || java.net.InetAddress.getByName(s) instanceof java.net.Inet4Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String pathOf(String url) {
        try {
            String p = new URI(url).getPath();
            return p == null ? "" : p;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** prometheus/common model.ParseDurationAllowNegative, in seconds. */
    static double parseDuration(String s) throws FuncException {
        boolean neg = !s.isEmpty() && s.charAt(0) == '-';
        String t = neg ? s.substring(1) : s;
        long ns = parseDurationNanos(t);
        double secs = ns / 1e9;
        return neg ? -secs : secs;
    }

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NS = {365L * 24 * 3600 * 1_000_000_000L, 7L * 24 * 3600 * 1_000_000_000L,
        24L * 3600 * 1_000_000_000L, 3600L * 1_000_000_000L, 60L * 1_000_000_000L, 1_000_000_000L, 1_000_000L};

    private static long parseDurationNanos(String orig) throws FuncException {
        if (orig.equals("0")) {
            return 0;
        }
        if (orig.isEmpty()) {
            throw new FuncException("empty duration string");
        }
        String invalid = "not a valid duration string: " + GoStrings.quote(orig);
        String s = orig;
        java.math.BigInteger dur = java.math.BigInteger.ZERO;
        int lastUnitPos = 0;
        java.math.BigInteger max = java.math.BigInteger.valueOf(Long.MAX_VALUE);
        while (!s.isEmpty()) {
            if (!Character.isDigit(s.charAt(0)) || s.charAt(0) > '9') {
                throw new FuncException(invalid);
            }
            int i = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            java.math.BigInteger v = new java.math.BigInteger(s.substring(0, i));
            if (v.bitLength() > 64) {
                throw new FuncException(invalid);
            }
            s = s.substring(i);
            i = 0;
            while (i < s.length() && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (i == 0) {
                throw new FuncException(invalid);
            }
            String u = s.substring(0, i);
            s = s.substring(i);
            int unit = -1;
            for (int k = 0; k < UNITS.length; k++) {
                if (UNITS[k].equals(u)) {
                    unit = k;
                }
            }
            if (unit < 0) {
                throw new FuncException("unknown unit " + GoStrings.quote(u) + " in duration " + GoStrings.quote(orig));
            }
            if (unit + 1 <= lastUnitPos) {
                throw new FuncException(invalid);
            }
            lastUnitPos = unit + 1;
            java.math.BigInteger mult = java.math.BigInteger.valueOf(UNIT_NS[unit]);
            if (v.compareTo(java.math.BigInteger.ONE.shiftLeft(63).divide(mult)) > 0) {
                throw new FuncException("duration out of range");
            }
            dur = dur.add(v.multiply(mult));
            if (dur.compareTo(max) > 0) {
                throw new FuncException("duration out of range");
            }
        }
        return dur.longValue();
    }
}
