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

    private static String translate(String regex) {
        return regex.replace("(?P<", "(?<");
    }

    private static Optional<String> unsupportedConstruct(String re) {
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < re.length()) {
                    char n = re.charAt(i + 1);
                    if (!inClass && n >= '1' && n <= '9') {
                        return Optional.of("invalid escape sequence: `\\" + n + "` (RE2 has no back-references)");
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
            if ((c == '+') && i > 0 && isQuantifier(re.charAt(i - 1)) && !escaped(re, i - 1)) {
                return Optional.of("invalid nested repetition operator: `" + re.charAt(i - 1) + "+`");
            }
        }
        return Optional.empty();
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '?' || c == '}';
    }

    private static boolean escaped(String s, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
