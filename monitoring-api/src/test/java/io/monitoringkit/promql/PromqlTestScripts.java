package io.monitoringkit.promql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code eval} commands of Prometheus' PromQL test scripts ({@code *.test}, described in
 * {@code README.promqltest.md}): {@code eval instant at <t> <expr>}, {@code eval range from <a> to <b> step <s>
 * <expr>}, the deprecated {@code eval_fail}/{@code eval_warn}/{@code eval_info}/{@code eval_ordered} forms, and
 * the failure expectations that follow an eval ({@code expect fail}, {@code expect fail msg: ...},
 * {@code expect fail regex: ...}, {@code expected_fail_message ...}, {@code expected_fail_regexp ...}).
 *
 * <p>The reference data lives outside the project; its directory comes from the system property
 * {@code monitoringkit.shared} (see {@link #directory()}).
 */
final class PromqlTestScripts {

    private static final Pattern EVAL = Pattern.compile(
            "^\\s*eval(?:_(fail|warn|info|ordered))?\\s+"
                    + "(?:instant(?:\\s+at\\s+(\\S+))?|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.+?)\\s*$");
    private static final Pattern EXPECT_FAIL = Pattern.compile("^\\s*expect\\s+fail(?:\\s+(msg|regex)\\s*:\\s*(.*))?\\s*$");
    private static final Pattern OLD_FAIL = Pattern.compile("^\\s*expected_fail_(message|regexp)\\s+(.*)$");

    /** One eval command. */
    record Eval(String file, int line, String variant, String expr, boolean expectFail,
                Optional<String> failMessage, Optional<Pattern> failRegex) {

        /** @return a short name for test reports. */
        String displayName() {
            return file + ":" + line + " " + expr;
        }
    }

    private PromqlTestScripts() {
    }

    /** @return {@code ${monitoringkit.shared}/reference/promqltest} when the property is set and it exists. */
    static Optional<Path> directory() {
        String shared = System.getProperty("monitoringkit.shared");
        if (shared == null || shared.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(shared, "reference", "promqltest");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** @return the {@code *.test} files of {@code dir}, sorted by name. */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".test")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every eval command of {@code file}, in order. */
    static List<Eval> evals(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        List<Eval> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EVAL.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String variant = m.group(1) == null ? "eval" : "eval_" + m.group(1);
            boolean fail = "fail".equals(m.group(1));
            Optional<String> msg = Optional.empty();
            Optional<Pattern> regex = Optional.empty();
            for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                String l = lines.get(j);
                if (EVAL.matcher(l).matches()) {
                    break;
                }
                Matcher f = EXPECT_FAIL.matcher(l);
                Matcher o = OLD_FAIL.matcher(l);
                if (f.matches()) {
                    fail = true;
                    if ("msg".equals(f.group(1))) {
                        msg = Optional.of(unquote(f.group(2).trim()));
                    } else if ("regex".equals(f.group(1))) {
                        regex = Optional.of(Pattern.compile(unquote(f.group(2).trim())));
                    }
                } else if (o.matches()) {
                    fail = true;
                    if (o.group(1).equals("message")) {
                        msg = Optional.of(o.group(2).trim());
                    } else {
                        regex = Optional.of(Pattern.compile(o.group(2).trim()));
                    }
                }
            }
            out.add(new Eval(name, i + 1, variant, m.group(3), fail, msg, regex));
        }
        return out;
    }

    /** The scripts write some messages in double quotes; the quotes are not part of the message. */
    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** @return every eval expression of every file in {@code dir}. */
    static List<String> allExpressions(Path dir) {
        List<String> out = new ArrayList<>();
        for (Path f : files(dir)) {
            for (Eval e : evals(f)) {
                out.add(e.expr());
            }
        }
        return out;
    }
}
