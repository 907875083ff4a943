package io.monitoringkit.exposition.internal;

import io.monitoringkit.exposition.Exemplar;
import io.monitoringkit.exposition.ExpositionHandler;
import io.monitoringkit.exposition.ExpositionParseException;
import io.monitoringkit.exposition.MetricFamily;
import io.monitoringkit.exposition.MetricType;
import io.monitoringkit.exposition.Sample;
import io.monitoringkit.exposition.SampleView;
import io.monitoringkit.model.Labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-pass, line-oriented parser of the text format 0.0.4 and of OpenMetrics 1.0 text, working on UTF-8 bytes.
 * It reads the input in chunks, hands each sample to the handler through one reused view, and keeps per family
 * only its metadata. Names and ASCII label values are taken from a small cache, so repeated strings are not
 * allocated again.
 *
 * <p>Text format 0.0.4 follows the Go {@code expfmt} parser (what {@code promtool check metrics} uses):
 * blanks and tabs may separate tokens, a trailing comma in a label set is fine, other {@code #} lines are
 * comments, a sample joins the family of its name or, for {@code _bucket}/{@code _count}/{@code _sum}, the
 * histogram or summary it extends, and families may interleave. OpenMetrics follows its specification: single
 * spaces, only HELP/TYPE/UNIT/EOF comments, contiguous families, sample names that fit the family's type,
 * exemplars only where allowed, {@code # EOF} last.
 */
public final class TextParser implements SampleView {

    private static final List<String> KNOWN_SUFFIXES =
            List.of("_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info");
    private static final double[] POW10 = new double[23];

    static {
        double d = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = d;
            d *= 10;
        }
    }

    private static final class Family {
        final String name;
        MetricType type = MetricType.UNKNOWN;
        boolean typeSet;
        String help;
        String unit;
        boolean hasSamples;

        Family(String name) {
            this.name = name;
        }
    }

    private final boolean om;
    private final ExpositionHandler handler;
    private final InputStream in;

    private byte[] buf;
    private int limit;
    private int next;
    private int scan;
    private boolean eof;

    private int ls;
    private int le;
    private int lineNo;
    private boolean lineHadNewline;
    private int p;

    private final Map<String, Family> families = new LinkedHashMap<>();
    private Family current;
    private boolean sawEof;

    private final String[] cache;
    private final byte[][] cacheKeys;
    private String[] lnames = new String[8];
    private String[] lvalues = new String[8];
    private int lcount;
    private byte[] scratch = new byte[64];
    private String lastName;
    private String lastFamilyName;
    private Family lastFamily;
    private java.nio.charset.CharsetDecoder decoder;
    private String lastFloatLabel;
    private byte[] lastNameBytes;

    // the current sample
    private Family sFamily;
    private String sName;
    private Labels sLabels;
    private double sValue;
    private long sTs;
    private boolean sHasTs;
    private Exemplar sExemplar;

    private TextParser(boolean openMetrics, ExpositionHandler handler, InputStream in, byte[] bytes, int length) {
        this.om = openMetrics;
        this.handler = handler;
        this.in = in;
        if (in == null) {
            this.buf = bytes;
            this.limit = length;
            this.eof = true;
            this.cache = new String[length < 64 * 1024 ? 256 : 16384];
        } else {
            this.buf = new byte[64 * 1024];
            this.cache = new String[16384];
        }
        this.cacheKeys = new byte[cache.length][];
    }

    /** Parses {@code bytes[0..length)} completely. */
    public static void parse(byte[] bytes, int length, boolean openMetrics, ExpositionHandler handler) {
        try {
            new TextParser(openMetrics, handler, null, bytes, length).run();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: no stream", e);
        }
    }

    /** Parses the stream to its end (it is not closed). */
    public static void parse(InputStream in, boolean openMetrics, ExpositionHandler handler) throws IOException {
        new TextParser(openMetrics, handler, in, null, 0).run();
    }

    private void run() throws IOException {
        while (nextLine()) {
            if (om) {
                omLine();
            } else {
                textLine();
            }
        }
        if (om && !sawEof) {
            throw new ExpositionParseException(lineNo + 1, 1, "expected \"# EOF\" as the last line");
        }
        for (Family f : families.values()) {
            handler.family(new MetricFamily(f.name, f.type, f.help == null ? "" : f.help,
                    f.unit == null ? "" : f.unit, List.of()));
        }
    }

    // ---------------------------------------------------------------- lines

    private boolean nextLine() throws IOException {
        while (true) {
            byte[] b = buf;
            for (int i = scan; i < limit; i++) {
                if (b[i] == '\n') {
                    ls = next;
                    le = i;
                    next = i + 1;
                    scan = next;
                    lineNo++;
                    lineHadNewline = true;
                    return true;
                }
            }
            scan = limit;
            if (eof) {
                if (next < limit) {
                    ls = next;
                    le = limit;
                    next = limit;
                    lineNo++;
                    lineHadNewline = false;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (next > 0) {
            System.arraycopy(buf, next, buf, 0, limit - next);
            limit -= next;
            scan -= next;
            next = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    // ---------------------------------------------------------------- text format 0.0.4

    private void textLine() {
        p = ls;
        skipBlanks();
        if (p == le) {
            return;
        }
        if (!lineHadNewline) {
            throw error(le, "unexpected end of input; the last line must end with a line feed");
        }
        if (buf[p] == '#') {
            textComment();
        } else {
            sample();
        }
    }

    private void textComment() {
        p++;
        skipBlanks();
        int ws = p;
        while (p < le && buf[p] != ' ' && buf[p] != '\t') {
            p++;
        }
        boolean help = isWord(ws, "HELP");
        boolean type = isWord(ws, "TYPE");
        if (!help && !type) {
            return; // a comment
        }
        skipBlanks();
        if (p == le) {
            return; // "# HELP" alone is a comment, as in expfmt
        }
        String keyword = help ? "HELP" : "TYPE";
        int nameStart = p;
        String name = metricName("a metric name after \"# " + keyword + "\"");
        if (p < le && buf[p] != ' ' && buf[p] != '\t') {
            throw error(p, "expected a blank after the metric name in \"# " + keyword + "\", got " + describe(p));
        }
        skipBlanks();
        Family f = families.get(name);
        if (f == null) {
            f = new Family(name);
            families.put(name, f);
        }
        if (help) {
            if (f.help != null) {
                throw error(nameStart, "second HELP line for metric \"" + name + "\"");
            }
            f.help = helpText(false);
        } else {
            int ts = p;
            String t = new String(buf, ts, le - ts, StandardCharsets.UTF_8);
            if (t.isEmpty()) {
                throw error(p, "expected a metric type (counter, gauge, histogram, summary or untyped) after \""
                        + name + "\"");
            }
            Optional<MetricType> mt = MetricType.fromText(t);
            if (mt.isEmpty()) {
                throw error(ts, "unknown metric type \"" + t
                        + "\"; expected counter, gauge, histogram, summary or untyped");
            }
            if (f.typeSet || f.hasSamples) {
                throw error(nameStart, "second TYPE line for metric \"" + name + "\", or TYPE after its samples");
            }
            f.type = mt.get();
            f.typeSet = true;
        }
    }

    private boolean isWord(int start, String word) {
        if (p - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String textSuffix(Family f, String name) {
        int extra = name.length() - f.name.length();
        if (extra == 0) {
            return "";
        }
        return extra == 7 ? "_bucket" : extra == 6 ? "_count" : "_sum";
    }

    private Family textFamilyOf(String name) {
        if (name == lastFamilyName) {
            return lastFamily;
        }
        Family f = textFamilyLookup(name);
        lastFamilyName = name;
        lastFamily = f;
        return f;
    }

    private Family textFamilyLookup(String name) {
        Family f = families.get(name);
        if (f != null) {
            return f;
        }
        String suffix = name.endsWith("_bucket") ? "_bucket" : name.endsWith("_count") ? "_count"
                : name.endsWith("_sum") ? "_sum" : null;
        if (suffix != null) {
            Family base = families.get(name.substring(0, name.length() - suffix.length()));
            if (base != null && (base.type == MetricType.HISTOGRAM
                    || base.type == MetricType.SUMMARY && !suffix.equals("_bucket"))) {
                return base;
            }
        }
        f = new Family(name);
        families.put(name, f);
        return f;
    }

    // ---------------------------------------------------------------- OpenMetrics 1.0

    private void omLine() {
        p = ls;
        if (sawEof) {
            throw error(ls, "unexpected content after \"# EOF\", which must be the last line");
        }
        if (p == le) {
            throw error(p, "blank lines are not allowed in OpenMetrics");
        }
        if (buf[p] == '#') {
            omComment();
        } else {
            if (!lineHadNewline) {
                throw error(le, "expected a line feed at the end of the line");
            }
            sample();
        }
    }

    private void omComment() {
        p++;
        if (p == le || buf[p] != ' ') {
            throw error(p, "expected ' ' after '#', got " + describe(p));
        }
        p++;
        int ws = p;
        while (p < le && buf[p] != ' ') {
            p++;
        }
        String kw;
        if (isWord(ws, "EOF")) {
            if (p != le) {
                throw error(p, "expected the end of the line after \"# EOF\", got " + describe(p));
            }
            sawEof = true;
            return;
        } else if (isWord(ws, "HELP")) {
            kw = "HELP";
        } else if (isWord(ws, "TYPE")) {
            kw = "TYPE";
        } else if (isWord(ws, "UNIT")) {
            kw = "UNIT";
        } else {
            throw error(ws, "expected HELP, TYPE, UNIT or EOF after '# ' (OpenMetrics has no other comments), got \""
                    + new String(buf, ws, p - ws, StandardCharsets.UTF_8) + "\"");
        }
        if (!lineHadNewline) {
            throw error(le, "expected a line feed at the end of the line");
        }
        expectSpace("after \"# " + kw + "\"");
        int nameStart = p;
        String name = metricName("a metric family name after \"# " + kw + "\"");
        Family f = omMetadataFamily(name, kw, nameStart);
        switch (kw) {
            case "HELP" -> {
                if (f.help != null) {
                    throw error(nameStart, "second HELP line for family \"" + name + "\"");
                }
                if (p < le) {
                    expectSpace("after the family name");
                }
                f.help = helpText(true);
            }
            case "TYPE" -> {
                expectSpace("after the family name");
                String t = new String(buf, p, le - p, StandardCharsets.UTF_8);
                Optional<MetricType> mt = MetricType.fromOpenMetrics(t);
                if (mt.isEmpty()) {
                    throw error(p, "unknown metric type \"" + t + "\"; expected counter, gauge, histogram, "
                            + "gaugehistogram, summary, info, stateset or unknown");
                }
                if (f.typeSet) {
                    throw error(nameStart, "second TYPE line for family \"" + name + "\"");
                }
                f.type = mt.get();
                f.typeSet = true;
            }
            default -> {
                if (f.unit != null) {
                    throw error(nameStart, "second UNIT line for family \"" + name + "\"");
                }
                String unit = "";
                if (p < le) {
                    expectSpace("after the family name");
                    int us = p;
                    while (p < le && isNameChar(buf[p], true)) {
                        p++;
                    }
                    if (p != le) {
                        throw error(p, "expected the end of the unit, got " + describe(p));
                    }
                    unit = ascii(us, p);
                }
                if (!unit.isEmpty() && !name.endsWith("_" + unit)) {
                    throw error(le - unit.length(), "unit \"" + unit + "\" is not a suffix of family name \""
                            + name + "\" (expected \"" + name + "_" + unit + "\" or a matching name)");
                }
                f.unit = unit;
            }
        }
    }

    private Family omMetadataFamily(String name, String kw, int nameStart) {
        if (current != null && current.name.equals(name)) {
            if (current.hasSamples) {
                throw error(nameStart, "# " + kw + " for family \"" + name + "\" must come before its samples");
            }
            return current;
        }
        if (families.containsKey(name)) {
            throw error(nameStart, "family \"" + name + "\" appears again; a family's lines must be contiguous");
        }
        Family f = new Family(name);
        families.put(name, f);
        current = f;
        return f;
    }

    private String omSuffix(Family f, String name) {
        if (!name.startsWith(f.name)) {
            return null;
        }
        for (String s : f.type.suffixes()) {
            if (name.length() == f.name.length() + s.length() && name.endsWith(s)) {
                return s;
            }
        }
        return null;
    }

    private Family omFamilyOf(String name, int nameStart) {
        Family f = current;
        if (f != null) {
            if (omSuffix(f, name) != null) {
                return f;
            }
            if (f.typeSet && belongsLoosely(f.name, name)) {
                throw error(nameStart, "sample \"" + name + "\" does not fit " + f.type.openMetricsName()
                        + " family \"" + f.name + "\"; expected " + expectedNames(f));
            }
        }
        if (families.containsKey(name)) {
            throw error(nameStart, "family \"" + name + "\" appears again; a family's lines must be contiguous");
        }
        for (String s : KNOWN_SUFFIXES) {
            if (name.endsWith(s)) {
                Family other = families.get(name.substring(0, name.length() - s.length()));
                if (other != null && other != f && omSuffix(other, name) != null) {
                    throw error(nameStart, "sample \"" + name + "\" belongs to family \"" + other.name
                            + "\", which ended before; a family's lines must be contiguous");
                }
            }
        }
        f = new Family(name);
        families.put(name, f);
        current = f;
        return f;
    }

    private static boolean belongsLoosely(String family, String name) {
        if (name.equals(family)) {
            return true;
        }
        if (!name.startsWith(family)) {
            return false;
        }
        String s = name.substring(family.length());
        return s.equals("_total") || s.equals("_created") || s.equals("_bucket") || s.equals("_count")
                || s.equals("_sum") || s.equals("_gcount") || s.equals("_gsum") || s.equals("_info");
    }

    private static String expectedNames(Family f) {
        List<String> names = new ArrayList<>();
        for (String s : f.type.suffixes()) {
            names.add(f.name + s);
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    // ---------------------------------------------------------------- samples (both formats)

    private void sample() {
        int nameStart = p;
        String name = metricName("a metric name");
        Family f = om ? omFamilyOf(name, nameStart) : textFamilyOf(name);
        String suffix = om ? omSuffix(f, name) : textSuffix(f, name);
        lcount = 0;
        if (!om) {
            skipBlanks();
        }
        int labelsStart = p;
        if (p < le && buf[p] == '{') {
            labels(false, name);
        }
        Labels labels = lcount == 0 ? Labels.empty() : Labels.ofArrays(lnames, lvalues, lcount);
        checkTypeRules(f, suffix, name, labels, labelsStart);
        if (om) {
            if (p == le) {
                throw error(p, "expected ' ' and a value after \"" + name + "\", got the end of the line");
            }
            expectSpace("before the value");
        } else {
            skipBlanks();
        }
        double value = number("a float value", om ? ' ' : '\t');
        long ts = 0;
        boolean hasTs = false;
        Exemplar exemplar = null;
        if (om) {
            if (p < le) {
                expectSpace("after the value");
                if (p < le && buf[p] != '#') {
                    ts = omTimestamp("a timestamp (seconds) or an exemplar");
                    hasTs = true;
                    if (p < le) {
                        expectSpace("after the timestamp");
                    }
                }
                if (p < le) {
                    int exStart = p;
                    exemplar = parseExemplar();
                    if (!f.type.allowsExemplar(suffix)) {
                        throw error(exStart, "exemplars are allowed only on counter _total and histogram _bucket "
                                + "samples, not on " + f.type.openMetricsName() + " sample \"" + name + "\"");
                    }
                }
            }
        } else {
            int blanks = p;
            skipBlanks();
            if (p == le && blanks < le) {
                throw error(p, "expected an integer timestamp in milliseconds after the blank, got the end of the line");
            }
            if (p < le) {
                int tsStart = p;
                while (p < le && buf[p] != ' ' && buf[p] != '\t') {
                    p++;
                }
                ts = parseLong(tsStart, p);
                hasTs = true;
                if (p < le) {
                    throw error(p, "unexpected \"" + new String(buf, p, le - p, StandardCharsets.UTF_8)
                            + "\" after the timestamp");
                }
            }
        }
        f.hasSamples = true;
        sFamily = f;
        sName = name;
        sLabels = labels;
        sValue = value;
        sTs = ts;
        sHasTs = hasTs;
        sExemplar = exemplar;
        handler.sample(this);
    }

    private void checkTypeRules(Family f, String suffix, String name, Labels labels, int labelsStart) {
        switch (f.type) {
            case HISTOGRAM, GAUGE_HISTOGRAM -> {
                if (suffix.equals("_bucket")) {
                    checkFloatLabel("le", labels, labelsStart, name);
                }
            }
            case SUMMARY -> {
                if (suffix.isEmpty()) {
                    checkFloatLabel("quantile", labels, labelsStart, name);
                }
            }
            case STATESET -> {
                if (om && !labels.has(f.name)) {
                    throw error(labelsStart, "stateset sample \"" + name + "\" needs a label named after its "
                            + "family, \"" + f.name + "\"");
                }
            }
            default -> {
            }
        }
    }

    private void checkFloatLabel(String label, Labels labels, int labelsStart, String name) {
        Optional<String> v = labels.get(label);
        if (v.isEmpty()) {
            if (om) {
                throw error(labelsStart, "sample \"" + name + "\" needs a \"" + label + "\" label");
            }
            return;
        }
        if (v.get() == lastFloatLabel) {
            return; // the same cached string as the last bucket or quantile checked
        }
        if (isFloat(v.get())) {
            lastFloatLabel = v.get();
        } else {
            throw error(labelsStart, "expected a float as the value of label \"" + label + "\" of \"" + name
                    + "\", got \"" + v.get() + "\"");
        }
    }

    private static boolean isFloat(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return floatSyntax(b, 0, b.length);
    }

    private Exemplar parseExemplar() {
        int hs = p;
        if (buf[p] != '#' || p + 1 >= le || buf[p + 1] != ' ') {
            throw error(hs, "expected \"# \" to start an exemplar, got " + describe(p));
        }
        p += 2;
        if (p >= le || buf[p] != '{') {
            throw error(p, "expected '{' to start the exemplar's labels, got " + describe(p));
        }
        int labelsStart = p;
        lcount = 0;
        labels(true, "exemplar");
        Labels labels = lcount == 0 ? Labels.empty() : Labels.ofArrays(lnames, lvalues, lcount);
        int chars = 0;
        for (int i = 0; i < labels.size(); i++) {
            chars += labels.name(i).codePointCount(0, labels.name(i).length())
                    + labels.value(i).codePointCount(0, labels.value(i).length());
        }
        if (chars > Exemplar.MAX_LABEL_CHARS) {
            throw error(labelsStart, "exemplar labels have " + chars + " characters; OpenMetrics allows at most "
                    + Exemplar.MAX_LABEL_CHARS);
        }
        expectSpace("after the exemplar's labels");
        double v = number("an exemplar value", ' ');
        Exemplar e = Exemplar.of(labels, v);
        if (p < le) {
            expectSpace("after the exemplar value");
            e = e.withTimestampMillis(omTimestamp("an exemplar timestamp (seconds)"));
            if (p < le) {
                throw error(p, "expected the end of the line after the exemplar, got " + describe(p));
            }
        }
        return e;
    }

    private void labels(boolean exemplar, String owner) {
        p++; // '{'
        boolean afterComma = false;
        while (true) {
            if (!om) {
                skipBlanks();
            }
            if (p >= le) {
                throw error(p, "expected a label name or '}', got the end of the line");
            }
            if (buf[p] == '}') {
                if (afterComma && om) {
                    throw error(p, "expected a label name after ',', got '}'");
                }
                p++;
                return;
            }
            int ns = p;
            if (!isLabelStart(buf[p])) {
                throw error(p, "expected a label name" + (afterComma || lcount > 0 ? "" : " or '}'") + ", got "
                        + describe(p));
            }
            int h = buf[p++];
            while (p < le && isNameChar(buf[p], false)) {
                h = 31 * h + buf[p++];
            }
            String ln = ascii(ns, p, h);
            if (!om) {
                skipBlanks();
            }
            if (p >= le || buf[p] != '=') {
                throw error(p, "expected '=' after label name \"" + ln + "\", got " + describe(p));
            }
            p++;
            if (!om) {
                skipBlanks();
            }
            if (p >= le || buf[p] != '"') {
                throw error(p, "expected '\"' to start the value of label \"" + ln + "\", got " + describe(p));
            }
            String lv = quoted(ln);
            if (ln.equals("__name__") && !exemplar) {
                throw error(ns, "label name \"__name__\" is reserved");
            }
            for (int i = 0; i < lcount; i++) {
                if (lnames[i].equals(ln)) {
                    throw error(ns, "duplicate label \"" + ln + "\" in " + (exemplar ? "an exemplar" : "\"" + owner
                            + "\""));
                }
            }
            if (lcount == lnames.length) {
                lnames = Arrays.copyOf(lnames, lcount * 2);
                lvalues = Arrays.copyOf(lvalues, lcount * 2);
            }
            lnames[lcount] = ln;
            lvalues[lcount] = lv;
            lcount++;
            if (!om) {
                skipBlanks();
            }
            if (p < le && buf[p] == ',') {
                p++;
                afterComma = true;
            } else if (p < le && buf[p] == '}') {
                p++;
                return;
            } else {
                throw error(p, "expected ',' or '}' after the value of label \"" + ln + "\", got " + describe(p));
            }
        }
    }

    private String quoted(String label) {
        int start = ++p;
        int h = 0;
        for (int i = start; i < le; i++) {
            byte c = buf[i];
            if (c == '"') {
                p = i + 1;
                return ascii(start, i, h);
            }
            if (c == '\\' || c < 0) {
                break;
            }
            h = 31 * h + c;
        }
        int n = 0;
        int i = start;
        while (true) {
            if (i >= le) {
                throw error(le, "expected '\"' to end the value of label \"" + label + "\", got the end of the line");
            }
            byte c = buf[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= le) {
                    throw error(i, "expected an escape sequence after '\\', got the end of the line");
                }
                byte e = buf[i + 1];
                c = switch (e) {
                    case '\\' -> (byte) '\\';
                    case '"' -> (byte) '"';
                    case 'n' -> (byte) '\n';
                    default -> throw error(i, "invalid escape sequence " + describeEscape(i)
                            + " in the value of label \"" + label + "\"; expected \\\\, \\\" or \\n");
                };
                i += 2;
            } else {
                i++;
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        p = i + 1;
        return utf8(scratch, n, start, "the value of label \"" + label + "\"");
    }

    private String describeEscape(int i) {
        int cp = codePointAt(i + 1);
        return "'\\" + new String(Character.toChars(cp)) + "'";
    }

    private int codePointAt(int i) {
        int end = Math.min(le, i + 4);
        String s = new String(buf, i, end - i, StandardCharsets.UTF_8);
        return s.isEmpty() ? ' ' : s.codePointAt(0);
    }

    private String helpText(boolean openMetrics) {
        int start = p;
        boolean simple = true;
        for (int i = start; i < le; i++) {
            if (buf[i] == '\\' || buf[i] < 0) {
                simple = false;
                break;
            }
        }
        if (simple) {
            p = le;
            return new String(buf, start, le - start, StandardCharsets.ISO_8859_1);
        }
        int n = 0;
        int i = start;
        while (i < le) {
            byte c = buf[i];
            if (c == '\\') {
                if (i + 1 >= le) {
                    throw error(i, "expected an escape sequence after '\\', got the end of the line");
                }
                byte e = buf[i + 1];
                if (e == '\\') {
                    c = '\\';
                } else if (e == 'n') {
                    c = '\n';
                } else if (e == '"' && openMetrics) {
                    c = '"';
                } else {
                    throw error(i, "invalid escape sequence " + describeEscape(i) + " in HELP text; expected "
                            + (openMetrics ? "\\\\, \\\" or \\n" : "\\\\ or \\n"));
                }
                i += 2;
            } else {
                i++;
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        p = le;
        return utf8(scratch, n, start, "HELP text");
    }

    private String utf8(byte[] bytes, int n, int errorPos, String what) {
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw error(errorPos, what + " is not valid UTF-8");
        }
    }

    private String metricName(String what) {
        int start = p;
        if (p >= le || !isMetricStart(buf[p])) {
            throw error(p, "expected " + what + ", got " + describe(p));
        }
        int h = buf[p++];
        while (p < le && isNameChar(buf[p], true)) {
            h = 31 * h + buf[p++];
        }
        // consecutive samples mostly share their name
        byte[] last = lastNameBytes;
        if (last != null && last.length == p - start) {
            int i = 0;
            while (i < last.length && last[i] == buf[start + i]) {
                i++;
            }
            if (i == last.length) {
                return lastName;
            }
        }
        lastName = ascii(start, p, h);
        lastNameBytes = Arrays.copyOfRange(buf, start, p);
        return lastName;
    }

    private double number(String what, char alsoEnds) {
        int start = p;
        while (p < le && buf[p] != ' ' && buf[p] != alsoEnds) {
            p++;
        }
        if (start == p) {
            throw error(start, "expected " + what + ", got " + describe(start));
        }
        double v = parseDouble(start, p);
        if (Double.isNaN(v) && !isNaNWord(start, p) && !floatSyntax(buf, start, p)) {
            throw error(start, "expected " + what + ", got \"" + new String(buf, start, p - start,
                    StandardCharsets.UTF_8) + "\"");
        }
        if (Double.isInfinite(v) && !isInfWord(start, p)) {
            throw error(start, "value \"" + new String(buf, start, p - start, StandardCharsets.UTF_8)
                    + "\" is out of the range of a 64-bit float");
        }
        return v;
    }

    private long omTimestamp(String what) {
        int start = p;
        double seconds = number(what, ' ');
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(start, "a timestamp must be finite, got \"" + new String(buf, start, p - start,
                    StandardCharsets.UTF_8) + "\"");
        }
        return Math.round(seconds * 1000.0);
    }

    private long parseLong(int start, int end) {
        int i = start;
        boolean neg = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            neg = buf[i] == '-';
            i++;
        }
        if (i == end) {
            throw error(start, "expected an integer timestamp in milliseconds, got \""
                    + new String(buf, start, end - start, StandardCharsets.UTF_8) + "\"");
        }
        long v = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw error(start, "expected an integer timestamp in milliseconds, got \""
                        + new String(buf, start, end - start, StandardCharsets.UTF_8) + "\"");
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw error(start, "timestamp \"" + new String(buf, start, end - start, StandardCharsets.UTF_8)
                        + "\" is out of the range of a 64-bit integer");
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** Returns NaN when the token is not a number (the caller tells NaN apart). */
    private double parseDouble(int start, int end) {
        int i = start;
        boolean neg = false;
        if (buf[i] == '-' || buf[i] == '+') {
            neg = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (buf[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                scale++;
                digits++;
            }
            any = true;
            i++;
        }
        if (i < end && buf[i] == '.') {
            i++;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (buf[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale--;
                } else {
                    digits++;
                }
                any = true;
                i++;
            }
        }
        if (!any) {
            return special(start, end);
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                eneg = buf[i] == '-';
                i++;
            }
            if (i == end) {
                return Double.NaN;
            }
            int exp = 0;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (exp < 100_000) {
                    exp = exp * 10 + (buf[i] - '0');
                }
                i++;
            }
            scale += eneg ? -exp : exp;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (digits <= 15 && scale >= -22 && scale <= 22) {
            double d = mantissa;
            d = scale < 0 ? d / POW10[-scale] : d * POW10[scale];
            return neg ? -d : d;
        }
        return Double.parseDouble(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private double special(int start, int end) {
        if (isNaNWord(start, end)) {
            return Double.NaN;
        }
        if (isInfWord(start, end)) {
            return buf[start] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private boolean isNaNWord(int start, int end) {
        return end - start == 3 && lower(start) == 'n' && lower(start + 1) == 'a' && lower(start + 2) == 'n';
    }

    private boolean isInfWord(int start, int end) {
        int i = start;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            i++;
        }
        return matchesIgnoreCase(i, end, "inf") || matchesIgnoreCase(i, end, "infinity");
    }

    private boolean matchesIgnoreCase(int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lower(start + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int lower(int i) {
        int c = buf[i];
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** {@code [+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?}. */
    static boolean floatSyntax(byte[] b, int start, int end) {
        int i = start;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int s = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        boolean intDigits = i > s;
        boolean fracDigits = false;
        if (i < end && b[i] == '.') {
            i++;
            int f = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            fracDigits = i > f;
        }
        if (!intDigits && !fracDigits) {
            String w = new String(b, s, end - s, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            return w.equals("inf") || w.equals("infinity") || (s == start && w.equals("nan"));
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int e = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == e) {
                return false;
            }
        }
        return i == end;
    }

    // ---------------------------------------------------------------- helpers

    private void skipBlanks() {
        while (p < le && (buf[p] == ' ' || buf[p] == '\t')) {
            p++;
        }
    }

    private void expectSpace(String where) {
        if (p >= le || buf[p] != ' ') {
            throw error(p, "expected ' ' " + where + ", got " + describe(p));
        }
        p++;
    }

    private static boolean isMetricStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isLabelStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(byte c, boolean colon) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9'
                || colon && c == ':';
    }

    /** An ASCII string from the cache: a direct-mapped table keyed by the bytes, compared with a vectorized equals. */
    private String ascii(int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return ascii(start, end, h);
    }

    /** As {@link #ascii(int, int)} with {@code h}, the hash {@code h = 31 * h + b} over the bytes, precomputed. */
    private String ascii(int start, int end, int h) {
        int len = end - start;
        if (len > 64) {
            return new String(buf, start, len, StandardCharsets.ISO_8859_1);
        }
        h ^= h >>> 15;
        int slot = h & (cache.length - 1);
        byte[] key = cacheKeys[slot];
        if (key != null && key.length == len) {
            int i = 0;
            while (i < len && key[i] == buf[start + i]) {
                i++;
            }
            if (i == len) {
                return cache[slot];
            }
        }
        String s = new String(buf, start, len, StandardCharsets.ISO_8859_1);
        cache[slot] = s;
        cacheKeys[slot] = Arrays.copyOfRange(buf, start, end);
        return s;
    }

    private String describe(int i) {
        if (i >= le) {
            return "the end of the line";
        }
        int c = codePointAt(i);
        if (c == '\t') {
            return "a tab";
        }
        if (c == '\r') {
            return "a carriage return";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("control character U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    private ExpositionParseException error(int at, String reason) {
        int col = 1;
        for (int i = ls; i < at && i < le; i++) {
            if ((buf[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        if (at > le) {
            col += at - le;
        }
        return new ExpositionParseException(lineNo, col, reason);
    }

    // ---------------------------------------------------------------- SampleView

    @Override
    public String familyName() {
        return sFamily.name;
    }

    @Override
    public MetricType familyType() {
        return sFamily.type;
    }

    @Override
    public String name() {
        return sName;
    }

    @Override
    public Labels labels() {
        return sLabels;
    }

    @Override
    public double value() {
        return sValue;
    }

    @Override
    public boolean hasTimestamp() {
        return sHasTs;
    }

    @Override
    public long timestampMillis() {
        return sTs;
    }

    @Override
    public Optional<Exemplar> exemplar() {
        return Optional.ofNullable(sExemplar);
    }

    @Override
    public Sample toSample() {
        Sample s = Sample.of(sName, sLabels, sValue);
        if (sHasTs) {
            s = s.withTimestampMillis(sTs);
        }
        return sExemplar == null ? s : s.withExemplar(sExemplar);
    }

    @Override
    public int line() {
        return lineNo;
    }
}
