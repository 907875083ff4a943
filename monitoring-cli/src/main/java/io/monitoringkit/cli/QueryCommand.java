package io.monitoringkit.cli;

import io.monitoringkit.client.PrometheusApiException;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.client.PrometheusJson;
import io.monitoringkit.model.Labels;
import io.monitoringkit.query.LabelsResult;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.query.SeriesResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mkit query instant|range|series|labels|label-values}: the Prometheus HTTP API from the command line.
 * {@code --format json} prints Prometheus' own {@code data} object, so the commands can replace curl in scripts.
 * On an API error, {@code errorType: message} goes to standard error and the exit code is 1.
 */
@Command(name = "query",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Query a Prometheus-compatible server (Prometheus, Thanos, Mimir, VictoriaMetrics).",
        subcommands = {QueryCommand.InstantCmd.class, QueryCommand.RangeCmd.class, QueryCommand.SeriesCmd.class,
            QueryCommand.LabelNames.class, QueryCommand.LabelValues.class})
final class QueryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Runs one API call, printing errors as {@code errorType: message}. */
    static Integer run(CommandSpec spec, QueryConnection conn, Function<QueryApi, String> call) {
        boolean json = conn.json(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (QueryConnection.Target target = conn.target(spec)) {
            String text = call.apply(target.api());
            out.print(text);
            out.print(json || text.isEmpty() ? "\n" : "");
            return 0;
        } catch (PrometheusApiException e) {
            String type = e.wireErrorType();
            err.print((type.isEmpty() ? "error" : type) + ": " + e.serverMessage() + "\n");
            return Mkit.EXIT_PROBLEMS;
        } catch (QueryException e) {
            // an API error's message already reads "errorType: message"; transport failures have no type
            err.print((e.errorType().isPresent() ? "" : "error: ") + e.getMessage() + "\n");
            return Mkit.EXIT_PROBLEMS;
        }
    }

    static void warn(CommandSpec spec, List<String> warnings, List<String> infos) {
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.print("warning: " + w + "\n"));
        infos.forEach(i -> err.print("info: " + i + "\n"));
    }

    static String render(CommandSpec spec, QueryResult r, boolean json) {
        warn(spec, r.warnings(), r.infos());
        StringBuilder sb = new StringBuilder();
        if (json) {
            PrometheusJson.writeData(r, sb);
            return sb.toString();
        }
        if (r instanceof QueryResult.Vector v) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                rows.add(new String[] {v.labels(i).toString(), PrometheusJson.formatValue(v.value(i))});
            }
            v.histogramSamples().forEach(h -> rows.add(new String[] {h.labels().toString(),
                "histogram count=" + PrometheusJson.formatValue(h.histogram().count()) + " sum="
                        + PrometheusJson.formatValue(h.histogram().sum())}));
            if (rows.isEmpty()) {
                return "(empty vector)\n";
            }
            int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
            rows.forEach(row -> sb.append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1])
                    .append('\n'));
        } else if (r instanceof QueryResult.Matrix m) {
            if (m.isEmpty()) {
                return "(empty matrix)\n";
            }
            for (Series s : m.series()) {
                sb.append(s.labels()).append('\n');
                for (int i = 0; i < s.size(); i++) {
                    sb.append("  ").append(Instant.ofEpochMilli(s.timestamp(i))).append("  ")
                            .append(PrometheusJson.formatValue(s.value(i))).append('\n');
                }
                for (int i = 0; i < s.histogramCount(); i++) {
                    sb.append("  ").append(Instant.ofEpochMilli(s.histogramTimestamp(i))).append("  histogram count=")
                            .append(PrometheusJson.formatValue(s.histogram(i).count())).append('\n');
                }
            }
        } else if (r instanceof QueryResult.Scalar sc) {
            sb.append(PrometheusJson.formatValue(sc.value())).append('\n');
        } else if (r instanceof QueryResult.StringValue st) {
            sb.append(st.value()).append('\n');
        }
        return sb.toString();
    }

    static SeriesOptions window(CommandSpec spec, String start, String end) {
        SeriesOptions o = SeriesOptions.defaults();
        if (start != null) {
            o = o.start(QueryConnection.time(spec, "--start", start));
        }
        if (end != null) {
            o = o.end(QueryConnection.time(spec, "--end", end));
        }
        return o;
    }

    static String renderLabels(CommandSpec spec, LabelsResult r, boolean json) {
        warn(spec, r.warnings(), r.infos());
        StringBuilder sb = new StringBuilder();
        if (json) {
            sb.append('[');
            for (int i = 0; i < r.values().size(); i++) {
                sb.append(i == 0 ? "" : ",");
                appendJsonString(sb, r.values().get(i));
            }
            return sb.append(']').toString();
        }
        r.values().forEach(v -> sb.append(v).append('\n'));
        return sb.toString();
    }

    static void appendJsonString(StringBuilder sb, String s) {
        sb.append(PrometheusJson.jsonString(s));
    }

    /**
     * {@code mkit query instant}.
     */
    @Command(name = "instant", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = "Run an instant query (/api/v1/query).")
    static final class InstantCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        QueryConnection conn;
        @Option(names = "--time", paramLabel = "T", description = "Evaluation time: Unix seconds or RFC 3339 "
                + "(default: the server's now).")
        String time;
        @Option(names = "--timeout", paramLabel = "DURATION", description = "Server-side evaluation timeout.")
        String timeout;
        @Parameters(paramLabel = "EXPR", description = "The PromQL expression.")
        String expr;

        @Override
        public Integer call() {
            QueryOptions o = QueryOptions.defaults();
            if (time != null) {
                o = o.time(QueryConnection.time(spec, "--time", time));
            } else if (conn.inProcess()) {
                throw new ParameterException(spec.commandLine(), "--time is required with --data: the series in a "
                        + "file have no 'now'");
            }
            if (timeout != null) {
                o = o.timeout(QueryConnection.duration(spec, "--timeout", timeout));
            }
            QueryOptions options = o;
            boolean json = conn.json(spec);
            return run(spec, conn, c -> render(spec, c.query(expr, options), json));
        }
    }

    /**
     * {@code mkit query range}.
     */
    @Command(name = "range", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = "Run a range query (/api/v1/query_range).")
    static final class RangeCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        QueryConnection conn;
        @Option(names = "--start", required = true, paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String start;
        @Option(names = "--end", required = true, paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String end;
        @Option(names = "--step", required = true, paramLabel = "DURATION",
                description = "Prometheus duration (15s, 1m) or seconds.")
        String step;
        @Option(names = "--timeout", paramLabel = "DURATION", description = "Server-side evaluation timeout.")
        String timeout;
        @Parameters(paramLabel = "EXPR", description = "The PromQL expression.")
        String expr;

        @Override
        public Integer call() {
            java.time.Instant s = QueryConnection.time(spec, "--start", start);
            java.time.Instant e = QueryConnection.time(spec, "--end", end);
            java.time.Duration d = QueryConnection.duration(spec, "--step", step);
            if (e.isBefore(s)) {
                throw new ParameterException(spec.commandLine(), "--end " + end + " is before --start " + start);
            }
            QueryOptions o = timeout == null ? QueryOptions.defaults()
                    : QueryOptions.defaults().timeout(QueryConnection.duration(spec, "--timeout", timeout));
            boolean json = conn.json(spec);
            return run(spec, conn, c -> render(spec, c.queryRange(expr, s, e, d, o), json));
        }
    }

    /**
     * {@code mkit query series}.
     */
    @Command(name = "series", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = "Find series by selectors (/api/v1/series).")
    static final class SeriesCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        QueryConnection conn;
        @Option(names = "--start", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String start;
        @Option(names = "--end", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String end;
        @Parameters(paramLabel = "SELECTOR", arity = "1..*", description = "Series selectors (match[]).")
        List<String> selectors;

        @Override
        public Integer call() {
            SeriesOptions o = window(spec, start, end);
            boolean json = conn.json(spec);
            return run(spec, conn, c -> {
                SeriesResult r = c.series(selectors, o);
                warn(spec, r.warnings(), r.infos());
                StringBuilder sb = new StringBuilder();
                if (json) {
                    sb.append('[');
                    for (int i = 0; i < r.series().size(); i++) {
                        Labels l = r.series().get(i);
                        sb.append(i == 0 ? "{" : ",{");
                        for (int j = 0; j < l.size(); j++) {
                            sb.append(j == 0 ? "" : ",");
                            appendJsonString(sb, l.name(j));
                            sb.append(':');
                            appendJsonString(sb, l.value(j));
                        }
                        sb.append('}');
                    }
                    return sb.append(']').toString();
                }
                r.series().forEach(l -> sb.append(l).append('\n'));
                return sb.toString();
            });
        }
    }

    /**
     * {@code mkit query labels}.
     */
    @Command(name = "labels", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = "List label names (/api/v1/labels).")
    static final class LabelNames implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        QueryConnection conn;
        @Option(names = "--match", paramLabel = "SELECTOR", description = "Only series matching (repeatable).")
        List<String> match = new ArrayList<>();
        @Option(names = "--start", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String start;
        @Option(names = "--end", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String end;

        @Override
        public Integer call() {
            SeriesOptions o = window(spec, start, end);
            boolean json = conn.json(spec);
            return run(spec, conn, c -> renderLabels(spec, c.labelNames(match, o), json));
        }
    }

    /**
     * {@code mkit query label-values}.
     */
    @Command(name = "label-values", mixinStandardHelpOptions = true, versionProvider = Mkit.VersionProvider.class,
            description = "List the values of a label (/api/v1/label/NAME/values).")
    static final class LabelValues implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        QueryConnection conn;
        @Option(names = "--match", paramLabel = "SELECTOR", description = "Only series matching (repeatable).")
        List<String> match = new ArrayList<>();
        @Option(names = "--start", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String start;
        @Option(names = "--end", paramLabel = "T", description = "Unix seconds or RFC 3339.")
        String end;
        @Parameters(paramLabel = "NAME", description = "The label name.")
        String name;

        @Override
        public Integer call() {
            SeriesOptions o = window(spec, start, end);
            boolean json = conn.json(spec);
            return run(spec, conn, c -> renderLabels(spec, c.labelValues(name, match, o), json));
        }
    }

}
