package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's regexp (RE2 syntax) on top of java.util.regex: the pattern is translated where the two differ
 * ({@code $} is end of text, {@code (?P<name>)}, POSIX classes, a literal {@code [} or {@code &&} in a class,
 * {@code \v}), constructs RE2 rejects are rejected, and replacement follows Go's {@code Expand} and its rule for
 * empty matches.
 */
final class GoRegex {

    private GoRegex() {
    }

    /** A compile failure; the message is Go's ("error parsing regexp: ..."). */
    static final class RegexError extends Exception {
        private static final long serialVersionUID = 1L;

        RegexError(String message) {
            super(message, null, false, false);
        }
    }

    private static RegexError err(String code, String expr) {
        return new RegexError("error parsing regexp: " + code + ": `" + expr + "`");
    }

    static Pattern compile(String re) throws RegexError {
        String translated = translate(re);
        try {
            return Pattern.compile(translated, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            if (d.startsWith("Unclosed group")) {
                throw err("missing closing )", re);
            }
            if (d.startsWith("Unmatched closing")) {
                throw err("unexpected )", re);
            }
            if (d.startsWith("Unclosed character class")) {
                int i = re.lastIndexOf('[');
                throw err("missing closing ]", i >= 0 ? re.substring(i) : re);
            }
            if (d.startsWith("Dangling meta character")) {
                throw err("missing argument to repetition operator", String.valueOf(re.charAt(
                        Math.max(0, Math.min(re.length() - 1, e.getIndex())))));
            }
            if (d.startsWith("Illegal character range")) {
                throw err("invalid character class range", re);
            }
            throw new RegexError("error parsing regexp: " + d + ": `" + re + "`");
        }
    }

    private static String translate(String re) throws RegexError {
        boolean multiline = re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[:)].*");
        StringBuilder sb = new StringBuilder();
        boolean inClass = false;
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw err("trailing backslash at end of expression", "");
                }
                char e = re.charAt(i + 1);
                if (e == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                    sb.append(Pattern.quote(lit));
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                if (Character.isLetterOrDigit(e)) {
                    if ("aftnrvxpPdDsSwWbBAz0".indexOf(e) < 0) {
                        throw err("invalid escape sequence", "\\" + e);
                    }
                    if (e == 'v') {
                        sb.append("\\x0B");
                    } else if (e == 'a') {
                        sb.append("\\x07");
                    } else if (e == '0') {
                        sb.append("\\00");
                    } else {
                        sb.append(c).append(e);
                    }
                } else {
                    sb.append(c).append(e);
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' && i + 1 < n && re.charAt(i + 1) == ':') {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = re.substring(i + 2, end);
                        boolean neg = name.startsWith("^");
                        if (neg) {
                            name = name.substring(1);
                        }
                        String cls = posix(name);
                        if (cls == null) {
                            throw err("invalid character class range", re.substring(i, end + 2));
                        }
                        sb.append(neg ? "\\P{" : "\\p{").append(cls).append('}');
                        i = end + 1;
                        continue;
                    }
                }
                if (c == '[' || c == '&') {
                    sb.append('\\').append(c);
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                sb.append(c);
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    sb.append(c);
                    if (i + 1 < n && re.charAt(i + 1) == '^') {
                        sb.append('^');
                        i++;
                    }
                    if (i + 1 < n && re.charAt(i + 1) == ']') {
                        sb.append("\\]");
                        i++;
                    }
                }
                case '$' -> sb.append(multiline ? "$" : "\\z");
                case '(' -> {
                    if (re.startsWith("(?P<", i)) {
                        sb.append("(?<");
                        i += 3;
                    } else if (re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<", i)
                            || re.startsWith("(?>", i)) {
                        throw err("invalid or unsupported Perl syntax", re.substring(i, Math.min(n, i + 3)));
                    } else {
                        sb.append(c);
                    }
                }
                case '{' -> {
                    int j = i + 1;
                    while (j < n && Character.isDigit(re.charAt(j))) {
                        j++;
                    }
                    boolean ok = j > i + 1;
                    if (ok && j < n && re.charAt(j) == ',') {
                        j++;
                        while (j < n && Character.isDigit(re.charAt(j))) {
                            j++;
                        }
                    }
                    ok = ok && j < n && re.charAt(j) == '}';
                    sb.append(ok ? "{" : "\\{");
                }
                case '+', '*', '?', '}' -> {
                    sb.append(c);
                    if (c != '?' && i + 1 < n && re.charAt(i + 1) == '+') {
                        throw err("invalid nested repetition operator", re.substring(i, i + 2));
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String posix(String name) {
        return switch (name) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "ascii" -> "ASCII";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "word" -> "Alnum}_\\p{Alnum";
            case "xdigit" -> "XDigit";
            default -> null;
        };
    }

    /** Go's quote in MustCompile's panic: backquoted when possible. */
    static String quote(String s) {
        boolean canBackquote = s.indexOf('`') < 0;
        for (int i = 0; i < s.length() && canBackquote; i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c == '\uFEFF') {
                canBackquote = false;
            }
        }
        return canBackquote ? "`" + s + "`" : GoStrings.quote(s);
    }

    /** regexp.ReplaceAllString: Go's empty-match rule and {@code $1}/{@code ${name}} expansion. */
    static String replaceAll(Pattern p, String src, String repl) {
        Matcher m = p.matcher(src);
        StringBuilder out = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        int end = src.length();
        while (searchPos <= end) {
            if (!m.find(searchPos)) {
                break;
            }
            int a0 = m.start();
            int a1 = m.end();
            out.append(src, lastMatchEnd, a0);
            if (a1 > lastMatchEnd || a0 == 0) {
                expand(out, repl, m);
            }
            lastMatchEnd = a1;
            int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > a1) {
                searchPos += width;
            } else if (searchPos + 1 > a1) {
                searchPos++;
            } else {
                searchPos = a1;
            }
        }
        out.append(src, Math.min(lastMatchEnd, end), end);
        return out.toString();
    }

    private static void expand(StringBuilder out, String template, Matcher m) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            int d = template.indexOf('$', i);
            if (d < 0) {
                break;
            }
            out.append(template, i, d);
            i = d + 1;
            if (i < n && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < n && template.charAt(i) == '{';
            int j = brace ? i + 1 : i;
            int s = j;
            while (j < n) {
                int cp = template.codePointAt(j);
                if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                    break;
                }
                j += Character.charCount(cp);
            }
            if (j == s || (brace && (j >= n || template.charAt(j) != '}'))) {
                out.append('$');
                continue;
            }
            String name = template.substring(s, j);
            i = brace ? j + 1 : j;
            int num = -1;
            if (name.chars().allMatch(Character::isDigit) && name.chars().allMatch(ch -> ch < 128)) {
                num = 0;
                for (int k = 0; k < name.length(); k++) {
                    num = num * 10 + (name.charAt(k) - '0');
                    if (num >= 100_000_000) {
                        num = -1;
                        break;
                    }
                }
            }
            String g = null;
            if (num >= 0) {
                if (num <= m.groupCount()) {
                    g = m.group(num);
                }
            } else {
                try {
                    g = m.group(name);
                } catch (IllegalArgumentException noSuchGroup) {
                    g = null;
                }
            }
            if (g != null) {
                out.append(g);
            }
        }
        out.append(template, Math.min(i, n), n);
    }
}
