package io.monitoringkit.engine.ruletest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpus of promtool rule test files under {@code src/test/resources/ruletest-corpus}: each file starts with
 * {@code # expect: pass} or {@code # expect: fail}, the verdict it has under promtool 2.x and 3.x alike.
 */
final class RuleTestCorpus {

    private static final Pattern EXPECT = Pattern.compile("\\A# expect: (pass|fail)\\n");

    /** One corpus file. @param path its path @param expectPass its declared verdict */
    record Entry(Path path, boolean expectPass) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private RuleTestCorpus() {
    }

    static Path directory() {
        try {
            return Path.of(RuleTestCorpus.class.getResource("/ruletest-corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".test.yml")).sorted().toList()) {
                Matcher m = EXPECT.matcher(Files.readString(p));
                if (!m.find()) {
                    throw new IllegalStateException(p + " does not start with '# expect: pass|fail'");
                }
                out.add(new Entry(p, m.group(1).equals("pass")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The identity of a failure message, what the oracle comparison asserts on for every failure: the alert check
     * ({@code alert NAME @ TIME}), the PromQL check ({@code expr "EXPR" @ TIME} plus {@code error} when it
     * failed to run), the failing rule ({@code rule NAME @ TIME}), or {@code other} for load and syntax errors,
     * whose wording is ours.
     */
    static String key(String message) {
        for (String line : message.split("\n")) {
            if (line.startsWith("    alertname: ")) {
                return "alert " + line.substring(15, line.lastIndexOf(','));
            }
            if (line.startsWith("    expr: ")) {
                int time = line.lastIndexOf(", time: ");
                String rest = line.substring(time + 8);
                boolean err = rest.contains(", err: ");
                String t = err ? rest.substring(0, rest.indexOf(", err: ")) : rest.replaceAll(",$", "");
                return "expr " + line.substring(10, time) + " @ " + t + (err ? " error" : "");
            }
            if (line.startsWith("    rule: ")) {
                int err = line.indexOf(", err: ");
                return "rule " + line.substring(10, err);
            }
        }
        return "other";
    }
}
