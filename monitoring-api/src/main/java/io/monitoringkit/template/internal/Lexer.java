package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;

import java.util.Map;

/**
 * The lexer of Go's text/template with the default delimiters: text, actions with trim markers, comments,
 * and the tokens inside actions. Errors become {@link Type#ERROR} items whose value is Go's message.
 */
final class Lexer {

    enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // keywords
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** One token. @param pos char offset @param line 1-based line of its start */
    record Item(Type type, int pos, String val, int line) {
        @Override
        public String toString() {
            if (type == Type.EOF) {
                return "EOF";
            }
            if (type == Type.ERROR) {
                return val;
            }
            if (type.isKeyword()) {
                return "<" + val + ">";
            }
            if (val.codePointCount(0, val.length()) > 10) {
                String q = GoStrings.quote(val.substring(0, val.offsetByCodePoints(0, 10)));
                return q + "...";
            }
            return GoStrings.quote(val);
        }
    }

    private static final Map<String, Type> KEYWORDS = Map.ofEntries(
            Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
            Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE), Map.entry("else", Type.ELSE),
            Map.entry("end", Type.END), Map.entry("if", Type.IF), Map.entry("range", Type.RANGE),
            Map.entry("nil", Type.NIL), Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final int EOF_CHAR = -1;

    private final String input;
    private int pos;
    private int start;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;
    private boolean insideAction;
    private boolean done;

    Lexer(String input) {
        this.input = input;
    }

    Item nextItem() {
        if (done) {
            return new Item(Type.EOF, pos, "", startLine);
        }
        Item item = insideAction ? lexInsideAction() : lexText();
        if (item.type == Type.ERROR || item.type == Type.EOF) {
            done = true;
        }
        return item;
    }

    // ---- helpers

    private int next() {
        if (pos >= input.length()) {
            pos = input.length() + 1; // remember we read EOF, so backup is a no-op on it
            return EOF_CHAR;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private void backup() {
        if (pos > input.length()) {
            pos = input.length();
            return;
        }
        if (pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private Item thisItem(Type t) {
        Item i = new Item(t, start, input.substring(start, Math.min(pos, input.length())), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private void ignore() {
        line += count(input.substring(start, pos), '\n');
        start = pos;
        startLine = line;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private Item errorf(String msg) {
        return new Item(Type.ERROR, start, msg, startLine);
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    private static boolean hasLeftTrimMarker(String s, int at) {
        return s.length() >= at + 2 && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
    }

    private static boolean hasRightTrimMarker(String s, int at) {
        return s.length() >= at + 2 && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
    }

    /** @return 0 none, 1 delimiter, 2 delimiter with trim marker */
    private int atRightDelim() {
        if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT, pos + 2)) {
            return 2;
        }
        if (input.startsWith(RIGHT, pos)) {
            return 1;
        }
        return 0;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF_CHAR, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(RIGHT, Math.min(pos, input.length()));
        }
    }

    // ---- states

    private Item lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                int delimEnd = pos + LEFT.length();
                if (hasLeftTrimMarker(input, delimEnd)) {
                    int e = pos;
                    while (e > start && isSpace(input.charAt(e - 1))) {
                        e--;
                    }
                    trimLength = pos - e;
                }
                pos -= trimLength;
                line += count(input.substring(start, pos), '\n');
                Item i = thisItem(Type.TEXT);
                pos += trimLength;
                ignore();
                if (!i.val().isEmpty()) {
                    return i;
                }
            }
            return lexLeftDelim();
        }
        pos = input.length();
        if (pos > start) {
            line += count(input.substring(start, pos), '\n');
            return thisItem(Type.TEXT);
        }
        return thisItem(Type.EOF);
    }

    private Item lexLeftDelim() {
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(input, pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return lexComment();
        }
        Item i = thisItem(Type.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return i;
    }

    private Item lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + 2;
        int delim = atRightDelim();
        if (delim == 0) {
            return errorf("comment ends before closing delimiter");
        }
        if (delim == 2) {
            pos += 2;
        }
        pos += RIGHT.length();
        if (delim == 2) {
            while (pos < input.length() && isSpace(input.charAt(pos))) {
                pos++;
            }
        }
        ignore();
        return lexText();
    }

    private Item lexRightDelim() {
        boolean trimSpace = atRightDelim() == 2;
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        Item i = thisItem(Type.RIGHT_DELIM);
        if (trimSpace) {
            while (pos < input.length() && isSpace(input.charAt(pos))) {
                pos++;
            }
            ignore();
        }
        insideAction = false;
        return i;
    }

    private Item lexInsideAction() {
        if (atRightDelim() != 0) {
            if (parenDepth == 0) {
                return lexRightDelim();
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF_CHAR) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return lexSpace();
        }
        switch (r) {
            case '=':
                return thisItem(Type.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return thisItem(Type.DECLARE);
            case '|':
                return thisItem(Type.PIPE);
            case '"':
                return lexQuote();
            case '`':
                return lexRawQuote();
            case '$':
                return lexVariable();
            case '\'':
                return lexChar();
            case '(':
                parenDepth++;
                return thisItem(Type.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return thisItem(Type.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.') {
            if (pos < input.length()) {
                char c = input.charAt(pos);
                if (c < '0' || c > '9') {
                    return lexFieldOrVariable(Type.FIELD);
                }
            }
            backup();
            return lexNumber();
        }
        if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return lexNumber();
        }
        if (isAlphaNumeric(r)) {
            backup();
            return lexIdentifier();
        }
        if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
            return thisItem(Type.CHAR);
        }
        return errorf("unrecognized character in action: " + unicodeForm(r));
    }

    /** Go's %#U: {@code U+0023 '#'}. */
    static String unicodeForm(int r) {
        StringBuilder sb = new StringBuilder("U+");
        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (GoUnquote.isPrint(r)) {
            sb.append(" '").appendCodePoint(r).append('\'');
        }
        return sb.toString();
    }

    private Item lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
            backup();
            if (numSpaces == 1) {
                return lexRightDelim();
            }
        }
        return thisItem(Type.SPACE);
    }

    private Item lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + unicodeForm(r));
            }
            Type kw = KEYWORDS.get(word);
            if (kw != null) {
                return thisItem(kw);
            }
            if (word.charAt(0) == '.') {
                return thisItem(Type.FIELD);
            }
            if (word.equals("true") || word.equals("false")) {
                return thisItem(Type.BOOL);
            }
            return thisItem(Type.IDENTIFIER);
        }
    }

    private Item lexVariable() {
        if (atTerminator()) {
            return thisItem(Type.VARIABLE);
        }
        return lexFieldOrVariable(Type.VARIABLE);
    }

    private Item lexFieldOrVariable(Type typ) {
        if (atTerminator()) {
            return thisItem(typ == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + unicodeForm(r));
        }
        return thisItem(typ);
    }

    private Item lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int n = next();
                if (n != EOF_CHAR && n != '\n') {
                    continue;
                }
                return errorf("unterminated character constant");
            }
            if (r == EOF_CHAR || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        return thisItem(Type.CHAR_CONSTANT);
    }

    private Item lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoStrings.quote(input.substring(start, Math.min(pos, input.length()))));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(Math.min(pos, input.length()) - 1) != 'i') {
                return errorf("bad number syntax: "
                        + GoStrings.quote(input.substring(start, Math.min(pos, input.length()))));
            }
            return thisItem(Type.COMPLEX);
        }
        return thisItem(Type.NUMBER);
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF_CHAR && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (true) {
            int r = next();
            if (r == EOF_CHAR || valid.indexOf(r) < 0) {
                break;
            }
        }
        backup();
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private Item lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int n = next();
                if (n != EOF_CHAR && n != '\n') {
                    continue;
                }
                return errorf("unterminated quoted string");
            }
            if (r == EOF_CHAR || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        return thisItem(Type.STRING);
    }

    private Item lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF_CHAR) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        return thisItem(Type.RAW_STRING);
    }
}
