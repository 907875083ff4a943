package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.template.internal.GoValues.AlertData;
import io.monitoringkit.template.internal.GoValues.GoDuration;
import io.monitoringkit.template.internal.GoValues.GoHtml;
import io.monitoringkit.template.internal.GoValues.GoMap;
import io.monitoringkit.template.internal.GoValues.GoMonth;
import io.monitoringkit.template.internal.GoValues.GoTime;
import io.monitoringkit.template.internal.GoValues.GoUint8;
import io.monitoringkit.template.internal.GoValues.GoWeekday;
import io.monitoringkit.template.internal.GoValues.QueryResult;
import io.monitoringkit.template.internal.GoValues.Sample;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} package over {@link GoValues}: {@code Sprint}, {@code Sprintln} and {@code Sprintf} with the
 * verbs, flags, widths and precisions Go supports for the types templates meet, and Go's error forms
 * ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code %!(EXTRA int=1)}).
 */
public final class GoFmt {

    private final StringBuilder buf = new StringBuilder();
    // flags of the current verb
    private boolean plus;
    private boolean minus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private boolean widPresent;
    private boolean precPresent;
    private int wid;
    private int prec;

    private GoFmt() {
    }

    private void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
        wid = prec = 0;
    }

    /** fmt.Sprint. */
    public static String sprint(List<?> args) {
        GoFmt p = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof String || arg instanceof GoHtml;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.clearFlags();
            p.printArg(arg, 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** fmt.Sprintln. */
    public static String sprintln(List<?> args) {
        GoFmt p = new GoFmt();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.clearFlags();
            p.printArg(args.get(i), 'v');
        }
        return p.buf.append('\n').toString();
    }

    /** fmt.Sprint of one value: what a template action prints. */
    public static String sprint1(Object v) {
        GoFmt p = new GoFmt();
        p.printArg(v, 'v');
        return p.buf.toString();
    }

    /** fmt.Sprintf. */
    public static String sprintf(String format, List<?> a) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, a);
        return p.buf.toString();
    }

    private void doPrintf(String format, List<?> a) {
        int end = format.length();
        int argNum = 0;
        int i = 0;
        while (i < end) {
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++; // skip %
            clearFlags();
            flags:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            // width
            if (i < end && format.charAt(i) == '*') {
                i++;
                Object w = argNum < a.size() ? a.get(argNum) : null;
                if (argNum < a.size() && GoValues.kind(w) == GoValues.Kind.INT) {
                    wid = (int) GoValues.intValue(w);
                    widPresent = true;
                    if (wid < 0) {
                        minus = true;
                        zero = false;
                        wid = -wid;
                    }
                } else {
                    buf.append("%!(BADWIDTH)");
                }
                argNum++;
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i)) && i - start < 7) {
                    i++;
                }
                if (i > start) {
                    wid = Integer.parseInt(format.substring(start, i));
                    widPresent = true;
                }
            }
            // precision
            if (i + 1 <= end && i < end && format.charAt(i) == '.') {
                i++;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Object pr = argNum < a.size() ? a.get(argNum) : null;
                    if (argNum < a.size() && GoValues.kind(pr) == GoValues.Kind.INT) {
                        prec = (int) GoValues.intValue(pr);
                        precPresent = true;
                        if (prec < 0) {
                            prec = 0;
                            precPresent = false;
                        }
                    } else {
                        buf.append("%!(BADPREC)");
                    }
                    argNum++;
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i)) && i - start < 7) {
                        i++;
                    }
                    prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                    precPresent = true;
                }
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
                continue;
            }
            if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            if (verb == 'v') {
                if (sharp) {
                    sharp = false;
                    sharpV = true;
                }
                if (plus) {
                    plus = false;
                    plusV = true;
                }
            }
            printArg(a.get(argNum), verb);
            argNum++;
        }
        if (argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object arg = a.get(k);
                if (arg == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(arg)).append('=');
                    printArg(arg, 'v');
                }
            }
            buf.append(')');
        }
    }

    // ---- argument printing

    private void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(arg, verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        printValue(arg, verb, 0);
    }

    private void printValue(Object arg, int verb, int depth) {
        if (arg == null) {
            // a nil interface inside a container
            pad("<nil>");
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                pad(b ? "true" : "false");
            } else {
                badVerb(arg, verb);
            }
        } else if (arg instanceof Double d) {
            fmtFloat(d, verb, arg);
        } else if (arg instanceof Long l) {
            fmtInteger(l, true, verb, arg);
        } else if (arg instanceof GoUint8 u) {
            fmtInteger(u.value(), false, verb, arg);
        } else if (arg instanceof String s) {
            fmtString(s, verb, arg);
        } else if (arg instanceof GoHtml h) {
            fmtString(h.s(), verb, arg);
        } else if (isStringer(arg) && (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')) {
            fmtString(stringerString(arg), verb, arg);
        } else if (arg instanceof GoDuration d) {
            fmtInteger(d.nanos(), true, verb, arg);
        } else if (arg instanceof GoMonth m) {
            fmtInteger(m.month(), true, verb, arg);
        } else if (arg instanceof GoWeekday w) {
            fmtInteger(w.day(), true, verb, arg);
        } else if (arg instanceof GoMap m) {
            buf.append("map[");
            boolean first = true;
            for (Map.Entry<String, Object> e : m.entries().entrySet()) {
                if (!first) {
                    buf.append(' ');
                }
                first = false;
                printValue(e.getKey(), verb, depth + 1);
                buf.append(':');
                printValue(e.getValue(), verb, depth + 1);
            }
            buf.append(']');
        } else if (arg instanceof QueryResult q) {
            buf.append('[');
            for (int i = 0; i < q.samples().size(); i++) {
                if (i > 0) {
                    buf.append(' ');
                }
                printValue(q.samples().get(i), verb, depth + 1);
            }
            buf.append(']');
        } else if (arg instanceof Sample s) {
            // Go prints a pointer's address below the top level; we print the pointee there too.
            buf.append("&{");
            if (plusV) {
                buf.append("Labels:");
            }
            printValue(s.labels(), verb, depth + 1);
            buf.append(' ');
            if (plusV) {
                buf.append("Value:");
            }
            printValue(s.value(), verb, depth + 1);
            buf.append('}');
        } else if (arg instanceof Sample.Deref d) {
            buf.append('{');
            if (plusV) {
                buf.append("Labels:");
            }
            printValue(d.sample().labels(), verb, depth + 1);
            buf.append(' ');
            if (plusV) {
                buf.append("Value:");
            }
            printValue(d.sample().value(), verb, depth + 1);
            buf.append('}');
        } else if (arg == GoValues.NIL_SAMPLE) {
            pad("<nil>");
        } else if (arg instanceof AlertData d) {
            buf.append('{');
            if (plusV) {
                buf.append("Labels:");
            }
            printValue(d.labels(), verb, depth + 1);
            buf.append(' ');
            if (plusV) {
                buf.append("ExternalLabels:");
            }
            printValue(d.externalLabels(), verb, depth + 1);
            buf.append(' ');
            if (plusV) {
                buf.append("ExternalURL:");
            }
            printValue(d.externalUrl(), verb, depth + 1);
            buf.append(' ');
            if (plusV) {
                buf.append("Value:");
            }
            printValue(d.value(), verb, depth + 1);
            buf.append('}');
        } else {
            fmtString(String.valueOf(arg), verb, arg);
        }
    }

    static boolean isStringer(Object v) {
        return v instanceof GoTime || v instanceof GoDuration || v instanceof GoMonth || v instanceof GoWeekday;
    }

    static String stringerString(Object v) {
        if (v instanceof GoTime t) {
            return GoTimes.string(t);
        }
        if (v instanceof GoDuration d) {
            return GoTimes.string(d);
        }
        if (v instanceof GoMonth m) {
            return GoTimes.monthName(m.month());
        }
        if (v instanceof GoWeekday w) {
            return GoTimes.dayName(w.day());
        }
        throw new IllegalArgumentException(GoValues.typeName(v));
    }

    private void badVerb(Object arg, int verb) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoValues.typeName(arg)).append('=');
            boolean savedPlus = plus;
            boolean savedSharp = sharp;
            clearFlags();
            printValue(arg, 'v', 0);
            plus = savedPlus;
            sharp = savedSharp;
        }
        buf.append(')');
    }

    // ---- padding

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char c = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            boolean z = zero;
            zero = false;
            writePadding(width);
            zero = z;
        }
    }

    // ---- strings

    private void fmtString(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, "0123456789abcdef");
            case 'X' -> fmtSx(s, "0123456789ABCDEF");
            case 'q' -> fmtQ(s);
            default -> badVerb(arg, verb);
        }
    }

    private void fmtS(String s) {
        if (precPresent) {
            int n = s.codePointCount(0, s.length());
            if (prec < n) {
                s = s.substring(0, s.offsetByCodePoints(0, prec));
            }
        }
        pad(s);
    }

    private void fmtQ(String s) {
        if (precPresent) {
            int n = s.codePointCount(0, s.length());
            if (prec < n) {
                s = s.substring(0, s.offsetByCodePoints(0, prec));
            }
        }
        if (sharp && s.indexOf('`') < 0 && canBackquote(s)) {
            pad("`" + s + "`");
        } else {
            pad(GoStrings.quote(s));
        }
    }

    private static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private void fmtSx(String s, String digits) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                out.append(' ');
            }
            if (sharp && (space || i == 0)) {
                out.append('0').append(digits.charAt(10) == 'a' ? 'x' : 'X');
            }
            out.append(digits.charAt((b[i] >> 4) & 0xf)).append(digits.charAt(b[i] & 0xf));
        }
        boolean z = zero;
        zero = false;
        pad(out.toString());
        zero = z;
    }

    // ---- integers

    private void fmtInteger(long v, boolean signed, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    fmtInt(v, 10, signed, "0123456789abcdef", verb);
                }
            }
            case 'd' -> fmtInt(v, 10, signed, "0123456789abcdef", verb);
            case 'b' -> fmtInt(v, 2, signed, "0123456789abcdef", verb);
            case 'o', 'O' -> fmtInt(v, 8, signed, "0123456789abcdef", verb);
            case 'x' -> fmtInt(v, 16, signed, "0123456789abcdef", verb);
            case 'X' -> fmtInt(v, 16, signed, "0123456789ABCDEF", verb);
            case 'c' -> pad(new String(Character.toChars(validRune(v))));
            case 'q' -> pad(quoteRune(validRune(v)));
            case 'U' -> fmtUnicode(v);
            default -> badVerb(arg, verb);
        }
    }

    private static int validRune(long v) {
        if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
            return 0xFFFD;
        }
        return (int) v;
    }

    private static String quoteRune(int r) {
        if (r == '\'') {
            return "'\\''";
        }
        if (r == '"') {
            return "'\"'";
        }
        String q = GoStrings.quote(new String(Character.toChars(r)));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    private void fmt0x64(long v, boolean leading0x) {
        boolean s = sharp;
        sharp = leading0x;
        fmtInt(v, 16, false, "0123456789abcdef", 'v');
        sharp = s;
    }

    private void fmtUnicode(long u) {
        String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
        int p = 4;
        if (precPresent && prec > 4) {
            p = prec;
        }
        StringBuilder sb = new StringBuilder("U+");
        for (int i = hex.length(); i < p; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && Character.isDefined((int) u)) {
            sb.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean z = zero;
        zero = false;
        pad(sb.toString());
        zero = z;
    }

    private void fmtInt(long v, int base, boolean signed, String digits, int verb) {
        boolean negative = signed && v < 0;
        java.math.BigInteger u = signed ? java.math.BigInteger.valueOf(v).abs()
                : new java.math.BigInteger(Long.toUnsignedString(v));
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u.signum() == 0) {
                boolean z = zero;
                zero = false;
                writePadding(wid);
                zero = z;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String s = u.toString(base);
        if (digits.charAt(10) == 'A') {
            s = s.toUpperCase(java.util.Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = s.length(); i < precision; i++) {
            sb.append('0');
        }
        sb.append(s);
        String prefix = "";
        if (sharp) {
            switch (base) {
                case 2 -> prefix = "0b";
                case 8 -> {
                    if (sb.charAt(0) != '0') {
                        prefix = "0";
                    }
                }
                case 16 -> prefix = digits.charAt(10) == 'A' ? "0X" : "0x";
                default -> {
                }
            }
        }
        if (verb == 'O') {
            prefix = "0o";
        }
        String sign = negative ? "-" : plus ? "+" : space ? " " : "";
        boolean z = zero;
        zero = false;
        pad(sign + prefix + sb);
        zero = z;
    }

    // ---- floats

    private void fmtFloat(double v, int verb, Object arg) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'g', 'G' -> fmtFloat(v, (char) verb, -1);
            case 'f', 'F' -> fmtFloat(v, 'f', 6);
            case 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            default -> badVerb(arg, verb);
        }
    }

    private void fmtFloat(double v, char verb, int precision) {
        if (precPresent) {
            precision = prec;
        }
        String num = GoFloat.format(v, verb, precision);
        if (sharp && verb != 'b') {
            num = sharpFloat(num, verb, precision);
        }
        String signed = num.startsWith("-") || num.startsWith("+") ? num : "+" + num;
        if (space && signed.charAt(0) == '+' && !plus) {
            signed = " " + signed.substring(1);
        }
        char first = signed.charAt(1);
        if (first == 'I' || first == 'N') {
            boolean z = zero;
            zero = false;
            if (first == 'N' && !space && !plus) {
                signed = signed.substring(1);
            }
            pad(signed);
            zero = z;
            return;
        }
        if (plus || signed.charAt(0) != '+') {
            if (zero && widPresent && wid > signed.length()) {
                buf.append(signed.charAt(0));
                writePadding(wid - signed.length());
                buf.append(signed, 1, signed.length());
                return;
            }
            pad(signed);
            return;
        }
        pad(signed.substring(1));
    }

    /** The '#' flag: keep a decimal point and, for %g, trailing zeros up to the precision. */
    private static String sharpFloat(String num, char verb, int precision) {
        int digits = 0;
        if (verb == 'g' || verb == 'G') {
            digits = precision == -1 ? 6 : precision;
        }
        String tail = "";
        int e = Math.max(num.indexOf('e'), num.indexOf('E'));
        if (e >= 0) {
            tail = num.substring(e);
            num = num.substring(0, e);
        }
        boolean hasDot = num.indexOf('.') >= 0;
        boolean sawNonzero = false;
        for (int i = 0; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    sawNonzero = true;
                }
                if (sawNonzero) {
                    digits--;
                }
            }
        }
        if (!sawNonzero) {
            digits--;
        }
        StringBuilder sb = new StringBuilder(num);
        if (!hasDot) {
            sb.append('.');
        }
        for (; digits > 0; digits--) {
            sb.append('0');
        }
        return sb.append(tail).toString();
    }
}
