package io.monitoringkit.template.internal;

/** Go's {@code strconv.Unquote} and {@code UnquoteChar} for template literals. */
final class GoUnquote {

    private GoUnquote() {
    }

    /** Thrown with Go's message, "invalid syntax". */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError() {
            super("invalid syntax", null, false, false);
        }
    }

    /** Approximates unicode.IsPrint. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** strconv.Unquote of a "double", `raw` or 'c' quoted literal. */
    static String unquote(String s) throws SyntaxError {
        int n = s.length();
        if (n < 2) {
            throw new SyntaxError();
        }
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) {
            throw new SyntaxError();
        }
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw new SyntaxError();
            }
            return body.replace("\r", "");
        }
        if (q != '"' && q != '\'') {
            throw new SyntaxError();
        }
        if (body.indexOf('\n') >= 0) {
            throw new SyntaxError();
        }
        StringBuilder sb = new StringBuilder();
        int[] i = {0};
        int count = 0;
        while (i[0] < body.length()) {
            int c = body.codePointAt(i[0]);
            if (c == q && q == '\'') {
                throw new SyntaxError();
            }
            appendChar(sb, body, i, q);
            count++;
            if (q == '\'' && i[0] < body.length()) {
                throw new SyntaxError();
            }
        }
        if (q == '\'' && count != 1) {
            throw new SyntaxError();
        }
        return sb.toString();
    }

    /**
     * strconv.UnquoteChar: decodes one (possibly escaped) character of body at i[0], appends it, advances i.
     * A byte escape (\xNN, \NNN) above 0x7f is appended as the corresponding code point, as we hold text.
     */
    static int appendChar(StringBuilder sb, String body, int[] i, char quote) throws SyntaxError {
        int c = body.codePointAt(i[0]);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw new SyntaxError();
        }
        if (c != '\\') {
            sb.appendCodePoint(c);
            i[0] += Character.charCount(c);
            return c;
        }
        if (i[0] + 1 >= body.length()) {
            throw new SyntaxError();
        }
        char e = body.charAt(i[0] + 1);
        i[0] += 2;
        int v;
        switch (e) {
            case 'a' -> v = 7;
            case 'b' -> v = '\b';
            case 'f' -> v = '\f';
            case 'n' -> v = '\n';
            case 'r' -> v = '\r';
            case 't' -> v = '\t';
            case 'v' -> v = 11;
            case '\\' -> v = '\\';
            case 'x', 'u', 'U' -> {
                int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i[0] + len > body.length()) {
                    throw new SyntaxError();
                }
                v = 0;
                for (int k = 0; k < len; k++) {
                    int d = Character.digit(body.charAt(i[0] + k), 16);
                    if (d < 0) {
                        throw new SyntaxError();
                    }
                    v = v * 16 + d;
                }
                i[0] += len;
                if (e != 'x' && (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF) || v < 0)) {
                    throw new SyntaxError();
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i[0] + 2 > body.length()) {
                    throw new SyntaxError();
                }
                v = e - '0';
                for (int k = 0; k < 2; k++) {
                    int d = body.charAt(i[0] + k) - '0';
                    if (d < 0 || d > 7) {
                        throw new SyntaxError();
                    }
                    v = v * 8 + d;
                }
                i[0] += 2;
                if (v > 255) {
                    throw new SyntaxError();
                }
            }
            case '\'', '"' -> {
                if (e != quote) {
                    throw new SyntaxError();
                }
                v = e;
            }
            default -> throw new SyntaxError();
        }
        sb.appendCodePoint(v);
        return v;
    }
}
