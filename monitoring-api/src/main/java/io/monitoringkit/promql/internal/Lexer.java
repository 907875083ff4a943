package io.monitoringkit.promql.internal;

import io.monitoringkit.model.GoStrings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PromQL's lexer: a pull scanner with the same modes as Prometheus' (statements, inside braces, the start of a
 * bracket), so that tokens, their boundaries and the lexical error messages and positions match. No regular
 * expressions; each character is looked at a bounded number of times.
 *
 * <p>After {@link #next()} the current token is in {@link #tok}, {@link #tokStart} (char index), {@link #text}
 * (the raw token text) and, for strings, {@link #value} (unescaped). A lexical error yields {@link Tok#ERROR}
 * with the message in {@link #error} and its position in {@link #tokStart}.
 */
final class Lexer {

    private static final Map<String, Tok> KEYWORDS = new HashMap<>();

    static {
        String[][] table = {
            {"and", "LAND"}, {"or", "LOR"}, {"unless", "LUNLESS"}, {"atan2", "ATAN2"},
            {"sum", "SUM"}, {"avg", "AVG"}, {"count", "COUNT"}, {"min", "MIN"}, {"max", "MAX"}, {"group", "GROUP"},
            {"stddev", "STDDEV"}, {"stdvar", "STDVAR"}, {"topk", "TOPK"}, {"bottomk", "BOTTOMK"},
            {"count_values", "COUNT_VALUES"}, {"quantile", "QUANTILE"}, {"limitk", "LIMITK"},
            {"limit_ratio", "LIMIT_RATIO"},
            {"offset", "OFFSET"}, {"smoothed", "SMOOTHED"}, {"anchored", "ANCHORED"}, {"by", "BY"},
            {"without", "WITHOUT"}, {"on", "ON"}, {"ignoring", "IGNORING"}, {"group_left", "GROUP_LEFT"},
            {"group_right", "GROUP_RIGHT"}, {"fill", "FILL"}, {"fill_left", "FILL_LEFT"},
            {"fill_right", "FILL_RIGHT"}, {"bool", "BOOL"},
            {"start", "START"}, {"end", "END"}, {"step", "STEP"}, {"range", "RANGE"}, {"max_of", "MAX_OF"},
            {"min_of", "MIN_OF"},
            {"inf", "NUMBER"}, {"nan", "NUMBER"},
        };
        for (String[] kv : table) {
            KEYWORDS.put(kv[0], Tok.valueOf(kv[1]));
        }
    }

    private final String in;
    private final char[] buf;
    private final int n;
    private int pos;

    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean gotColon;
    private boolean gotDuration;
    /** Prometheus' lexDurationExpr state: right after '[' (and after operators/colons within it). */
    private boolean durationMode;

    Tok tok;
    int tokStart;
    int tokEnd;
    String text;
    String value;
    String error;

    Lexer(String in) {
        this.in = in;
        this.buf = in.toCharArray();
        this.n = buf.length;
    }

    String input() {
        return in;
    }

    /** Advances to the next token (comments are skipped). */
    void next() {
        value = null;
        error = null;
        if (braceOpen) {
            insideBraces();
        } else if (durationMode) {
            durationExpr();
        } else {
            statements();
        }
    }

    // ---- emitting ----

    private void emit(Tok t, int start, int end) {
        tok = t;
        tokStart = start;
        tokEnd = end;
        text = in.substring(start, end);
    }

    private void emitFixed(Tok t, int start, int end, String fixedText) {
        tok = t;
        tokStart = start;
        tokEnd = end;
        text = fixedText;
    }

    private void fail(int at, String message) {
        tok = Tok.ERROR;
        tokStart = at;
        tokEnd = at;
        text = "";
        error = message;
    }

    // ---- character classes ----

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isAlpha(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphaNumeric(int c) {
        return isAlpha(c) || isDigit(c);
    }

    private int peekChar(int at) {
        return at < n ? buf[at] : -1;
    }

    /** The code point at {@code at}, -1 at the end, U+FFFD for an unpaired surrogate (Go's RuneError). */
    private int codePointAt(int at) {
        if (at >= n) {
            return -1;
        }
        char c = buf[at];
        if (Character.isHighSurrogate(c)) {
            if (at + 1 < n && Character.isLowSurrogate(buf[at + 1])) {
                return Character.toCodePoint(c, buf[at + 1]);
            }
            return 0xFFFD;
        }
        if (Character.isLowSurrogate(c)) {
            return 0xFFFD;
        }
        return c;
    }

    private int width(int at) {
        if (at >= n) {
            return 0;
        }
        char c = buf[at];
        return Character.isHighSurrogate(c) && at + 1 < n && Character.isLowSurrogate(buf[at + 1]) ? 2 : 1;
    }

    // ---- modes ----

    private void skipSpacesAndComments() {
        while (pos < n) {
            char c = buf[pos];
            if (isSpace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < n && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void statements() {
        skipSpacesAndComments();
        int start = pos;
        if (pos >= n) {
            if (parenDepth != 0) {
                fail(start, "unclosed left parenthesis");
            } else if (bracketOpen) {
                fail(start, "unclosed left bracket");
            } else {
                emitFixed(Tok.EOF, start, start, "");
            }
            return;
        }
        char c = buf[pos];
        switch (c) {
            case ',' -> single(Tok.COMMA);
            case '*' -> single(Tok.MUL);
            case '/' -> single(Tok.DIV);
            case '%' -> single(Tok.MOD);
            case '+' -> single(Tok.ADD);
            case '-' -> single(Tok.SUB);
            case '^' -> single(Tok.POW);
            case '@' -> single(Tok.AT);
            case '=' -> {
                int d = peekChar(pos + 1);
                if (d == '=') {
                    pos += 2;
                    emit(Tok.EQLC, start, pos);
                } else if (d == '~') {
                    fail(start, "unexpected character after '=': '~'");
                } else {
                    single(Tok.EQL);
                }
            }
            case '!' -> {
                int d = peekChar(pos + 1);
                if (d == '=') {
                    pos += 2;
                    emit(Tok.NEQ, start, pos);
                } else {
                    fail(start, "unexpected character after '!': " + quoteRune(codePointAt(pos + 1)));
                }
            }
            case '<' -> {
                int d = peekChar(pos + 1);
                if (d == '=') {
                    pos += 2;
                    emit(Tok.LTE, start, pos);
                } else if (d == '/') {
                    pos += 2;
                    emit(Tok.TRIM_UPPER, start, pos);
                } else {
                    single(Tok.LSS);
                }
            }
            case '>' -> {
                int d = peekChar(pos + 1);
                if (d == '=') {
                    pos += 2;
                    emit(Tok.GTE, start, pos);
                } else if (d == '/') {
                    pos += 2;
                    emit(Tok.TRIM_LOWER, start, pos);
                } else {
                    single(Tok.GTR);
                }
            }
            case '"', '\'' -> quotedString(c);
            case '`' -> rawString();
            case '(' -> {
                parenDepth++;
                single(Tok.LEFT_PAREN);
            }
            case ')' -> {
                parenDepth--;
                single(Tok.RIGHT_PAREN);
                if (parenDepth < 0) {
                    fail(pos, "unexpected right parenthesis ')'");
                }
            }
            case '{' -> {
                braceOpen = true;
                single(Tok.LEFT_BRACE);
            }
            case '[' -> {
                if (bracketOpen) {
                    fail(start, "unexpected left bracket '['");
                    return;
                }
                gotColon = false;
                bracketOpen = true;
                durationMode = true;
                single(Tok.LEFT_BRACKET);
            }
            case ']' -> {
                if (!bracketOpen) {
                    fail(start, "unexpected right bracket ']'");
                    return;
                }
                bracketOpen = false;
                single(Tok.RIGHT_BRACKET);
            }
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(peekChar(pos + 1)))) {
                    numberOrDuration();
                } else if (isAlpha(c) || c == ':') {
                    if (!bracketOpen) {
                        keywordOrIdentifier();
                    } else if (c == ':') {
                        if (gotColon) {
                            fail(start, "unexpected colon ':'");
                            return;
                        }
                        gotColon = true;
                        single(Tok.COLON);
                    } else if (!(isDurationKeywordStart(c) && durationKeyword())) {
                        fail(start, "unexpected character: " + quoteRune(c) + ", expected ':'");
                    }
                } else {
                    fail(start, "unexpected character: " + quoteRune(codePointAt(pos)));
                }
            }
        }
    }

    private static final String[] ASCII = new String[128];

    static {
        for (int i = 0; i < 128; i++) {
            ASCII[i] = String.valueOf((char) i);
        }
    }

    private void single(Tok t) {
        int start = pos;
        char c = buf[pos];
        pos++;
        emitFixed(t, start, pos, c < 128 ? ASCII[c] : String.valueOf(c));
    }

    private void insideBraces() {
        skipSpacesAndComments();
        int start = pos;
        if (pos >= n) {
            fail(start, "unexpected end of input inside braces");
            return;
        }
        char c = buf[pos];
        if (isAlpha(c)) {
            pos++;
            while (pos < n && isAlphaNumeric(buf[pos])) {
                pos++;
            }
            emit(Tok.IDENTIFIER, start, pos);
            return;
        }
        switch (c) {
            case ',' -> single(Tok.COMMA);
            case '"', '\'' -> quotedString(c);
            case '`' -> rawString();
            case '=' -> {
                if (peekChar(pos + 1) == '~') {
                    pos += 2;
                    emit(Tok.EQL_REGEX, start, pos);
                } else {
                    single(Tok.EQL);
                }
            }
            case '!' -> {
                int d = peekChar(pos + 1);
                if (d == '~') {
                    pos += 2;
                    emit(Tok.NEQ_REGEX, start, pos);
                } else if (d == '=') {
                    pos += 2;
                    emit(Tok.NEQ, start, pos);
                } else {
                    fail(start, "unexpected character after '!' inside braces: " + quoteRune(codePointAt(pos + 1)));
                }
            }
            case '{' -> fail(start, "unexpected left brace '{'");
            case '}' -> {
                braceOpen = false;
                single(Tok.RIGHT_BRACE);
            }
            default -> fail(start, "unexpected character inside braces: " + quoteRune(codePointAt(pos)));
        }
    }

    private void durationExpr() {
        while (pos < n && isSpace(buf[pos])) {
            pos++;
        }
        int start = pos;
        if (pos >= n) {
            fail(start, "unexpected end of input in duration expression");
            return;
        }
        char c = buf[pos];
        switch (c) {
            case ']' -> {
                bracketOpen = false;
                gotColon = false;
                durationMode = false;
                single(Tok.RIGHT_BRACKET);
            }
            case ':' -> {
                single(Tok.COLON);
                if (!gotDuration) {
                    fail(pos, "unexpected colon before duration in duration expression");
                } else if (gotColon) {
                    fail(pos, "unexpected repeated colon in duration expression");
                }
                gotColon = true;
            }
            case '(' -> {
                parenDepth++;
                single(Tok.LEFT_PAREN);
            }
            case ')' -> {
                parenDepth--;
                single(Tok.RIGHT_PAREN);
                if (parenDepth < 0) {
                    fail(pos, "unexpected right parenthesis ')'");
                }
            }
            case '+' -> single(Tok.ADD);
            case '-' -> single(Tok.SUB);
            case '*' -> single(Tok.MUL);
            case '/' -> single(Tok.DIV);
            case '%' -> single(Tok.MOD);
            case '^' -> single(Tok.POW);
            case ',' -> single(Tok.COMMA);
            default -> {
                if (isDurationKeywordStart(c)) {
                    if (!durationKeyword()) {
                        fail(start, "unexpected character in duration expression: " + quoteRune(c));
                    }
                } else if (isDigit(c) || (c == '.' && isDigit(peekChar(pos + 1)))) {
                    gotDuration = true;
                    durationMode = false;
                    numberOrDuration();
                } else {
                    fail(start, "unexpected character in duration expression: " + quoteRune(codePointAt(pos)));
                }
            }
        }
    }

    private static boolean isDurationKeywordStart(char c) {
        char l = Character.toLowerCase(c);
        return l == 's' || l == 'r' || l == 'm';
    }

    /** Scans step/range/max_of/min_of; on failure the position has moved past the letters. */
    private boolean durationKeyword() {
        int start = pos;
        while (pos < n && isAlpha(buf[pos])) {
            pos++;
        }
        String word = in.substring(start, pos).toLowerCase(Locale.ROOT);
        Tok t = switch (word) {
            case "step" -> Tok.STEP;
            case "range" -> Tok.RANGE;
            case "max_of" -> Tok.MAX_OF;
            case "min_of" -> Tok.MIN_OF;
            default -> null;
        };
        if (t == null) {
            return false;
        }
        emit(t, start, pos);
        return true;
    }

    private void keywordOrIdentifier() {
        int start = pos;
        boolean colon = false;
        while (pos < n) {
            char c = buf[pos];
            if (isAlphaNumeric(c)) {
                pos++;
            } else if (c == ':') {
                colon = true;
                pos++;
            } else {
                break;
            }
        }
        int len = pos - start;
        String word = in.substring(start, pos);
        if (!colon && len >= 2 && len <= 12) {
            Tok kw = KEYWORDS.get(word);
            if (kw == null && hasUpperCase(start, pos)) {
                kw = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
            }
            if (kw != null) {
                if ((kw == Tok.FILL || kw == Tok.FILL_LEFT || kw == Tok.FILL_RIGHT) && !followedByLeftParen()) {
                    emitFixed(Tok.IDENTIFIER, start, pos, word);
                    return;
                }
                emitFixed(kw, start, pos, word);
                return;
            }
        }
        emitFixed(colon ? Tok.METRIC_IDENTIFIER : Tok.IDENTIFIER, start, pos, word);
    }

    private boolean hasUpperCase(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] >= 'A' && buf[i] <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private boolean followedByLeftParen() {
        int p = pos;
        while (p < n && isSpace(buf[p])) {
            p++;
        }
        return p < n && buf[p] == '(';
    }

    // ---- numbers and durations ----

    private int cur() {
        return pos < n ? buf[pos] : -1;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigitOf(int c, boolean hex) {
        return hex ? isHexDigit(c) : isDigit(c);
    }

    private static boolean isExp(int c) {
        return c == 'e' || c == 'E';
    }

    /** After '.', 'e' or '_': the characters that may not follow ({@code ._eE}). */
    private static boolean isNumberPunct(int c) {
        return c == '.' || c == '_' || c == 'e' || c == 'E';
    }

    /** Prometheus' scanNumber: the accepted text is not necessarily a valid number; the parser checks that. */
    private boolean scanNumber() {
        int initial = pos;
        boolean hex = false;
        if (cur() == '0') {
            pos++;
            if (cur() == 'x' || cur() == 'X') {
                pos++;
                hex = true;
                if (cur() == '_') {
                    pos++;
                }
            }
        }
        if (cur() == '.') {
            pos++;
        }
        if (isDigitOf(cur(), hex)) {
            pos++;
        }
        boolean dot = false;
        boolean exp = false;
        while (true) {
            int c = cur();
            if (!(isDigitOf(c, hex) || isNumberPunct(c))) {
                break;
            }
            if (c == '.' && dot) {
                pos++;
                return false;
            }
            if (isExp(c) && exp) {
                pos++;
                return false;
            }
            if (c == '.') {
                pos++;
                dot = true;
                int d = cur();
                if (d == '_' || d == '.') {
                    pos++;
                    return false;
                }
                if (hex) {
                    return false;
                }
                continue;
            }
            if (isExp(c)) {
                pos++;
                exp = true;
                if (cur() == '+' || cur() == '-') {
                    pos++;
                }
                if (isNumberPunct(cur())) {
                    pos++;
                    return false;
                }
                if (pos >= n) {
                    return false;
                }
                continue;
            }
            if (c == '_') {
                pos++;
                if (isNumberPunct(cur())) {
                    pos++;
                    return false;
                }
                if (pos >= n) {
                    return false;
                }
                continue;
            }
            while (isDigitOf(cur(), hex)) {
                pos++;
            }
        }
        if (pos == initial) {
            return false;
        }
        return !isAlphaNumeric(peekChar(pos));
    }

    private static boolean isUnit(int c, boolean withYear) {
        return c == 's' || c == 'm' || c == 'h' || c == 'd' || c == 'w' || (withYear && c == 'y');
    }

    private boolean acceptRemainingDuration() {
        if (!isUnit(cur(), true)) {
            return false;
        }
        pos++;
        if (cur() == 's') {
            pos++;
        }
        while (isDigit(cur())) {
            while (isDigit(cur())) {
                pos++;
            }
            if (!isUnit(cur(), false)) {
                return false;
            }
            pos++;
            if (cur() == 's') {
                pos++;
            }
        }
        if (isAlphaNumeric(codePointAt(pos))) {
            pos += width(pos);
            return false;
        }
        return true;
    }

    private void numberOrDuration() {
        int start = pos;
        if (scanNumber()) {
            emit(Tok.NUMBER, start, pos);
            return;
        }
        if (acceptRemainingDuration()) {
            emit(Tok.DURATION, start, pos);
            return;
        }
        fail(start, "bad number or duration syntax: " + GoStrings.quote(in.substring(start, Math.min(pos, n))));
    }

    // ---- strings ----

    private void quotedString(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = null;
        int plainFrom = pos;
        byte[] pending = null;
        int pendingLen = 0;
        while (true) {
            if (pos >= n) {
                fail(start, "unterminated quoted string");
                return;
            }
            char c = buf[pos];
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                fail(start, "unterminated quoted string");
                return;
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder(pos - plainFrom + 16);
                    sb.append(in, plainFrom, pos);
                }
                pos++;
                int e = codePointAt(pos);
                int digitsLeft;
                int base;
                long max;
                if (e == -1) {
                    fail(start, "escape sequence not terminated");
                    return;
                }
                switch (e) {
                    case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"', '\'' -> {
                        if ((e == '"' || e == '\'') && e != quote) {
                            fail(start, "unknown escape sequence " + pctU(e));
                            return;
                        }
                        if (pendingLen > 0) {
                            if (!flush(sb, pending, pendingLen)) {
                                fail(start, "invalid UTF-8 in string literal");
                                return;
                            }
                            pendingLen = 0;
                        }
                        sb.append(switch (e) {
                            case 'a' -> (char) 7;
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'v' -> (char) 11;
                            default -> (char) e;
                        });
                        pos++;
                        continue;
                    }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        digitsLeft = 3;
                        base = 8;
                        max = 255;
                    }
                    case 'x' -> {
                        pos++;
                        digitsLeft = 2;
                        base = 16;
                        max = 255;
                    }
                    case 'u' -> {
                        pos++;
                        digitsLeft = 4;
                        base = 16;
                        max = Character.MAX_CODE_POINT;
                    }
                    case 'U' -> {
                        pos++;
                        digitsLeft = 8;
                        base = 16;
                        max = Character.MAX_CODE_POINT;
                    }
                    default -> {
                        fail(start, "unknown escape sequence " + pctU(e));
                        return;
                    }
                }
                long x = 0;
                while (digitsLeft > 0) {
                    int ch = codePointAt(pos);
                    int d = digitVal(ch);
                    if (d >= base) {
                        if (ch == -1) {
                            fail(start, "escape sequence not terminated");
                        } else {
                            fail(start, "illegal character " + pctU(ch) + " in escape sequence");
                        }
                        return;
                    }
                    x = x * base + d;
                    digitsLeft--;
                    pos++;
                }
                if (x > max || (x >= 0xD800 && x < 0xE000)) {
                    fail(start, "escape sequence is an invalid Unicode code point");
                    return;
                }
                if (e == 'u' || e == 'U' || x < 0x80) {
                    if (pendingLen > 0) {
                        if (!flush(sb, pending, pendingLen)) {
                            fail(start, "invalid UTF-8 in string literal");
                            return;
                        }
                        pendingLen = 0;
                    }
                    sb.appendCodePoint((int) x);
                } else {
                    if (pending == null) {
                        pending = new byte[8];
                    } else if (pendingLen == pending.length) {
                        pending = java.util.Arrays.copyOf(pending, pendingLen * 2);
                    }
                    pending[pendingLen++] = (byte) x;
                }
                continue;
            }
            int cp = codePointAt(pos);
            if (cp == 0xFFFD) {
                fail(start, "invalid UTF-8 rune");
                return;
            }
            if (pendingLen > 0) {
                if (!flush(sb, pending, pendingLen)) {
                    fail(start, "invalid UTF-8 in string literal");
                    return;
                }
                pendingLen = 0;
            }
            int w = width(pos);
            if (sb != null) {
                sb.append(in, pos, pos + w);
            }
            pos += w;
        }
        if (pendingLen > 0 && !flush(sb, pending, pendingLen)) {
            fail(start, "invalid UTF-8 in string literal");
            return;
        }
        String v = sb == null ? in.substring(plainFrom, pos) : sb.toString();
        pos++;
        emit(Tok.STRING, start, pos);
        value = v;
    }

    private static boolean flush(StringBuilder sb, byte[] bytes, int len) {
        try {
            sb.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, len)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void rawString() {
        int start = pos;
        pos++;
        int from = pos;
        while (true) {
            if (pos >= n) {
                fail(start, "unterminated raw string");
                return;
            }
            char c = buf[pos];
            if (c == '`') {
                break;
            }
            if (codePointAt(pos) == 0xFFFD) {
                fail(start, "invalid UTF-8 rune");
                return;
            }
            pos += width(pos);
        }
        String v = in.substring(from, pos);
        pos++;
        emit(Tok.STRING, start, pos);
        value = v;
    }

    private static int digitVal(int ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return 16;
    }

    // ---- Go formatting helpers ----

    /** Go's {@code %q} of a rune. */
    static String quoteRune(int cp) {
        if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp < 0xE000)) {
            cp = 0xFFFD;
        }
        if (cp == '\'') {
            return "'\\''";
        }
        if (cp == '"') {
            return "'\"'";
        }
        String q = GoStrings.quote(new String(Character.toChars(cp)));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    /** Go's {@code %#U}: {@code U+0063 'c'}, without the character when it is not printable. */
    static String pctU(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder("U+");
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (cp >= 0 && cp <= Character.MAX_CODE_POINT && !(cp >= 0xD800 && cp < 0xE000)) {
            String s = new String(Character.toChars(cp));
            if (cp == '"' || cp == '\\' || GoStrings.quote(s).equals('"' + s + '"')) {
                sb.append(" '").append(s).append('\'');
            }
        }
        return sb.toString();
    }
}
