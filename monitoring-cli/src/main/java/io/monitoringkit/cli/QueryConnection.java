package io.monitoringkit.cli;

import io.monitoringkit.client.PrometheusClient;
import io.monitoringkit.http.Secret;
import io.monitoringkit.model.PromDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What the {@code query} commands share: server URL, headers, output format, and parsing times and durations. */
final class QueryConnection {
    private static final List<String> SECRET_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "x-auth-token");

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The server's base URL, e.g. http://localhost:9090 (with a path prefix for Mimir or "
                    + "VictoriaMetrics: http://mimir/prometheus).")
    String url;

    @Option(names = "--header", paramLabel = "K=V",
            description = "A header to send with every request (repeatable), e.g. X-Scope-OrgID=team-a. "
                    + "Credential headers such as Authorization are never printed.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people) or json (Prometheus' own data object). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--http-timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long to wait for the server (Prometheus duration or seconds). Default: "
                    + "${DEFAULT-VALUE}.")
    String httpTimeout;

    boolean json(CommandSpec spec) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "table" -> false;
            default -> throw new ParameterException(spec.commandLine(), "--format must be table or json, not '"
                    + format + "'");
        };
    }

    PrometheusClient client(CommandSpec spec) {
        PrometheusClient.Builder b;
        try {
            b = PrometheusClient.builder(url).readTimeout(duration(spec, "--http-timeout", httpTimeout));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage());
        }
        for (String h : headers) {
            int eq = h.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--header takes NAME=VALUE, not '" + h + "'");
            }
            String name = h.substring(0, eq).strip();
            String value = h.substring(eq + 1);
            try {
                if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    b.header(name, Secret.of(value));
                } else {
                    b.header(name, value);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--header " + name + ": " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Times as the HTTP API accepts them: Unix seconds (with decimals) or RFC 3339. */
    static Instant time(CommandSpec spec, String option, String text) {
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a time; expected "
                        + "Unix seconds (1700000000 or 1700000000.5) or RFC 3339 (2024-01-01T00:00:00Z)");
            }
        }
    }

    /** Durations as the HTTP API accepts them: Prometheus durations or seconds. */
    static Duration duration(CommandSpec spec, String option, String text) {
        try {
            BigDecimal seconds = new BigDecimal(text);
            long ms = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            if (PromDuration.isValid(text)) {
                PromDuration d = PromDuration.parse(text);
                if (d.toMillis() > 0) {
                    return d.toDuration();
                }
            }
        }
        throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a positive duration; "
                + "expected a Prometheus duration (" + PromDuration.EXAMPLES + ") or seconds (15, 0.5)");
    }
}
