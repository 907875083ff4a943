package io.monitoringkit.promql.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks and compiles the RE2 regular expressions of label matchers with {@link java.util.regex}. Constructs
 * that java.util.regex knows but RE2 rejects (look-around, back-references, possessive quantifiers, atomic
 * groups) are reported as errors; RE2's {@code (?P<name>...)} is translated. Matching follows Prometheus 3.x:
 * fully anchored, and {@code .} matches a newline.
 */
public final class Re2 {

    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Optional<String>> CHECKED = new ConcurrentHashMap<>();

    /** RE2's largest repeat count in {@code {n,m}}. */
    private static final int MAX_REPEAT = 1000;

    private Re2() {
    }

    /** @return a description of what is wrong with {@code regex} as RE2, or empty when it is valid. */
    public static Optional<String> check(String regex) {
        Optional<String> known = CHECKED.get(regex);
        if (known != null) {
            return known;
        }
        if (CHECKED.size() > 10_000) {
            CHECKED.clear();
        }
        Optional<String> result = checkUncached(regex);
        CHECKED.put(regex, result);
        return result;
    }

    private static Optional<String> checkUncached(String regex) {
        Optional<String> unsupported = unsupportedConstruct(regex);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        try {
            Pattern.compile(translate(regex));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
    }

    /** @return the pattern that matches exactly what Prometheus' anchored matcher matches. */
    public static Pattern compileAnchored(String regex) {
        return CACHE.computeIfAbsent(regex, r -> {
            if (CACHE.size() > 10_000) {
                CACHE.clear();
            }
            return Pattern.compile("^(?:" + translate(r) + ")$", Pattern.DOTALL);
        });
    }

    /**
     * RE2 to java.util.regex: {@code (?P<name>} becomes {@code (?<name>}, and Unicode classes {@code \p{Greek}},
     * {@code \p{^Greek}}, {@code \pL} get Java's {@code Is} prefix (which Java accepts for categories and
     * scripts alike).
     */
    private static String translate(String regex) {
        StringBuilder sb = new StringBuilder(regex.length() + 8);
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(i + 1);
                if ((e == 'p' || e == 'P') && i + 2 < n) {
                    boolean negated = e == 'P';
                    String name;
                    int end;
                    if (regex.charAt(i + 2) == '{') {
                        int close = regex.indexOf('}', i + 3);
                        if (close < 0) {
                            sb.append(regex, i, n);
                            break;
                        }
                        name = regex.substring(i + 3, close);
                        end = close;
                    } else {
                        name = String.valueOf(regex.charAt(i + 2));
                        end = i + 2;
                    }
                    if (name.startsWith("^")) {
                        negated = !negated;
                        name = name.substring(1);
                    }
                    sb.append('\\').append(negated ? 'P' : 'p').append("{Is").append(name).append('}');
                    i = end;
                    continue;
                }
                sb.append(c).append(e);
                i++;
                continue;
            }
            if (c == '(' && regex.startsWith("(?P<", i)) {
                sb.append("(?<");
                i += 3;
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static Optional<String> unsupportedConstruct(String re) {
        boolean inClass = false;
        boolean lastWasQuantifier = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                lastWasQuantifier = false;
                if (i + 1 < re.length()) {
                    char n = re.charAt(i + 1);
                    if (!inClass && n >= '1' && n <= '9') {
                        return Optional.of("invalid escape sequence: `\\" + n + "` (RE2 has no back-references)");
                    }
                    if ((n == 'p' || n == 'P') && i + 2 < re.length() && re.charAt(i + 2) == '{') {
                        int close = re.indexOf('}', i + 3);
                        if (close > 0) {
                            i = close;
                            continue;
                        }
                    }
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                lastWasQuantifier = false;
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    i++;
                }
                continue;
            }
            if (c == '(' && re.startsWith("(?", i)) {
                String rest = re.substring(i + 2);
                if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=") || rest.startsWith("<!")
                        || rest.startsWith(">")) {
                    return Optional.of("invalid or unsupported Perl syntax: `(?" + rest.charAt(0) + "`");
                }
            }
            if (c == '{') {
                int close = re.indexOf('}', i);
                if (close > 0 && re.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                    for (String part : re.substring(i + 1, close).split(",")) {
                        if (!part.isEmpty() && (part.length() > 4 || Integer.parseInt(part) > MAX_REPEAT)) {
                            return Optional.of("invalid repeat count: `" + re.substring(i, close + 1) + "`");
                        }
                    }
                    if (lastWasQuantifier) {
                        return Optional.of("invalid nested repetition operator: `" + re.substring(i, close + 1) + "`");
                    }
                    i = close;
                    lastWasQuantifier = true;
                    continue;
                }
            }
            if (c == '+' && lastWasQuantifier) {
                return Optional.of("invalid nested repetition operator: `" + re.charAt(i - 1) + "+`");
            }
            lastWasQuantifier = c == '*' || c == '+' || (c == '?' && !lastWasQuantifier);
        }
        return Optional.empty();
    }

}
