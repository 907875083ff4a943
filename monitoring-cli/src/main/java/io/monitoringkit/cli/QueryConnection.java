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

    @Option(names = "--url", paramLabel = "URL",
            description = "The server's base URL, e.g. http://localhost:9090 (with a path prefix for Mimir or "
                    + "VictoriaMetrics: http://mimir/prometheus).")
    String url;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Evaluate in-process (promql-engine) against the series in FILE instead of a server: "
                    + "OpenMetrics or text format with a timestamp on every sample, or a promqltest 'load <interval>' "
                    + "block in promtool's input_series notation (0+10x100, 1x5 _ stale); its first value is at 0.")
    java.nio.file.Path data;

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

    /** @return whether queries run in-process over {@code --data}. */
    boolean inProcess() {
        return data != null;
    }

    /**
     * The query target: a {@link PrometheusClient} for {@code --url}, or promql-engine over {@code --data}.
     * Exactly one of the two must be given.
     */
    Target target(CommandSpec spec) {
        if ((url == null) == (data == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --url URL (a server) or --data FILE "
                    + "(series evaluated in-process)");
        }
        if (url != null) {
            PrometheusClient client = client(spec);
            return new Target(client, client::close);
        }
        if (!headers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--header applies to --url only");
        }
        String text;
        try {
            text = java.nio.file.Files.readString(data);
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "--data: cannot read " + data + ": " + e.getMessage());
        }
        io.monitoringkit.engine.Storage storage = io.monitoringkit.engine.Storage.create();
        try {
            if (text.stripLeading().startsWith("load ")) {
                storage.load(text);
            } else {
                storage.loadExposition(text, text.contains("# EOF")
                        ? io.monitoringkit.exposition.ExpositionFormat.OPENMETRICS
                        : io.monitoringkit.exposition.ExpositionFormat.PROMETHEUS_TEXT);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--data " + data + ": " + e.getMessage());
        }
        return new Target(io.monitoringkit.engine.PromEngine.create(storage), () -> { });
    }

    /** A {@code QueryApi} and how to release it. */
    record Target(io.monitoringkit.query.QueryApi api, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
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
