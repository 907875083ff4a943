package io.monitoringkit.alertmanager.internal;

import io.monitoringkit.promql.internal.Re2;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Alertmanager's regular expressions: RE2 syntax (checked by monitoring-api's RE2 checker), matched fully
 * anchored like Go's {@code ^(?:re)$}; unlike Prometheus 3.x selectors, {@code .} does not match a newline.
 */
public final class AmRegex {
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private AmRegex() {
    }

    /** Alertmanager's message for an invalid regular expression, or empty when {@code regex} is valid RE2. */
    public static Optional<String> problem(String regex) {
        return Re2.check(regex).map(d -> "error parsing regexp: " + d + ": `^(?:" + regex + ")$`");
    }

    /** The compiled expression; use {@code matcher(v).matches()} for Alertmanager's anchored match. */
    public static Pattern compile(String regex) {
        if (CACHE.size() > 10_000) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(regex, r -> Pattern.compile("(?:" + r.replace("(?P<", "(?<") + ")"));
    }
}
