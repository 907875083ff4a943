package io.monitoringkit.engine;

import io.monitoringkit.engine.internal.SeriesNotation;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a promqltest script ({@code load}, {@code clear}, {@code eval ...} with {@code expect} lines and
 * expected series) into commands, as described in Prometheus' {@code README.promqltest.md}.
 */
final class PromqlTestScript {

    private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(.+?)$");
    private static final Pattern EVAL_INSTANT =
            Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern EVAL_RANGE =
            Pattern.compile("^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
    private static final Pattern EXPECT =
            Pattern.compile("^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");
    private static final Pattern EXPECT_RANGE =
            Pattern.compile("^expect range vector\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+)$");

    sealed interface Command permits Load, Clear, Eval {
    }

    /** A load block: its text (header and series lines) and line number. */
    record Load(String text, int line, boolean nativeHistograms, boolean nhcb) implements Command {
    }

    /** Removes all data. */
    record Clear(int line) implements Command {
    }

    /** An expectation line {@code expect <type> [msg|regex: text]}. */
    record Expect(String type, String matchType, String text) {
    }

    /** One expected series (or scalar when {@code labels} is null) with its expanded values. */
    record ExpectedSeries(Labels labels, double[] values, String raw, int position) {
    }

    /** An eval command. */
    static final class Eval implements Command {
        final int line;
        final String query;
        final boolean instant;
        long start;
        long end;
        long step;
        boolean ordered;
        boolean fail;
        boolean warn;
        boolean info;
        String expectedFailMessage;
        String expectedFailRegexp;
        final List<Expect> expects = new ArrayList<>();
        final List<ExpectedSeries> series = new ArrayList<>();
        Double scalar;
        String expectedString;
        boolean rangeVector;
        boolean nativeHistogramsExpected;

        Eval(int line, String query, boolean instant) {
            this.line = line;
            this.query = query;
            this.instant = instant;
        }

        boolean isOrdered() {
            return ordered || expects.stream().anyMatch(e -> e.type().equals("ordered"));
        }

        boolean isFail() {
            return fail || expects.stream().anyMatch(e -> e.type().equals("fail"));
        }

        @Override
        public String toString() {
            return "line " + line + ": " + (instant ? "instant at " + start + "ms " : "range " + start + ".." + end
                    + " step " + step + "ms ") + query;
        }
    }

    private PromqlTestScript() {
    }

    static long duration(String s) {
        String t = s.trim();
        if (t.matches("-?[0-9]+")) {
            return Long.parseLong(t) * 1000;
        }
        return PromDuration.parseSigned(t).millis();
    }

    static List<Command> parse(String text) {
        String[] raw = text.split("\n", -1);
        String[] lines = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].trim();
            lines[i] = l.startsWith("#") ? "" : l;
        }
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            Matcher lm = LOAD.matcher(l);
            if (lm.matches()) {
                StringBuilder sb = new StringBuilder("load ").append(lm.group(2)).append('\n');
                boolean nh = false;
                int start = i + 1;
                int j = i + 1;
                for (; j < lines.length && !lines[j].isEmpty(); j++) {
                    sb.append(lines[j]).append('\n');
                    nh |= lines[j].contains("{{");
                }
                out.add(new Load(sb.toString(), start, nh, lm.group(1) != null));
                i = j - 1;
                continue;
            }
            if (l.equals("clear")) {
                out.add(new Clear(i + 1));
                continue;
            }
            Matcher im = EVAL_INSTANT.matcher(l);
            Matcher rm = EVAL_RANGE.matcher(l);
            Eval ev;
            String mod;
            if (im.matches()) {
                ev = new Eval(i + 1, im.group(3), true);
                mod = im.group(1);
                ev.start = duration(im.group(2));
                ev.end = ev.start;
                ev.step = 0;
            } else if (rm.matches()) {
                ev = new Eval(i + 1, rm.group(5), false);
                mod = rm.group(1);
                ev.start = duration(rm.group(2));
                ev.end = duration(rm.group(3));
                ev.step = duration(rm.group(4));
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown command: " + l);
            }
            if (mod != null) {
                switch (mod) {
                    case "ordered" -> ev.ordered = true;
                    case "fail" -> ev.fail = true;
                    case "warn" -> ev.warn = true;
                    case "info" -> ev.info = true;
                    default -> throw new IllegalArgumentException(mod);
                }
            }
            int j = i + 1;
            int pos = 0;
            for (; j < lines.length && !lines[j].isEmpty(); j++) {
                String d = lines[j];
                if (ev.fail && d.startsWith("expected_fail_message")) {
                    ev.expectedFailMessage = d.substring("expected_fail_message".length()).trim();
                    j++;
                    break;
                }
                if (ev.fail && d.startsWith("expected_fail_regexp")) {
                    ev.expectedFailRegexp = d.substring("expected_fail_regexp".length()).trim();
                    j++;
                    break;
                }
                Matcher er = EXPECT_RANGE.matcher(d);
                if (er.matches()) {
                    ev.rangeVector = true;
                    ev.start = duration(er.group(1));
                    ev.end = duration(er.group(2));
                    ev.step = duration(er.group(3));
                    continue;
                }
                if (d.startsWith("expect string")) {
                    String q = d.substring("expect string".length()).trim();
                    ev.expectedString = io.monitoringkit.engine.internal.GoStrings2.unquote(q);
                    continue;
                }
                if (d.split(" ")[0].equals("expect")) {
                    Matcher em = EXPECT.matcher(d);
                    if (!em.matches()) {
                        throw new IllegalArgumentException("line " + (j + 1) + ": bad expect line: " + d);
                    }
                    ev.expects.add(new Expect(em.group(1), em.group(2), em.group(3) == null ? null
                            : em.group(3).trim()));
                    continue;
                }
                if (d.matches("[-+]?([0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?|Inf|NaN|inf|nan|0x[0-9a-fA-F]+)")) {
                    ev.scalar = SeriesNotation.parseNumber(d);
                    j++;
                    break;
                }
                String[] parts = SeriesNotation.splitLine(d);
                if (parts[1].contains("{{")) {
                    ev.nativeHistogramsExpected = true;
                    continue;
                }
                pos++;
                ev.series.add(new ExpectedSeries(SeriesNotation.parseDescription(parts[0]),
                        SeriesNotation.expand(parts[1]), d, pos));
            }
            out.add(ev);
            i = j - 1;
        }
        return out;
    }
}
