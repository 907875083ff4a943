package io.monitoringkit.engine.ruletest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the output of one {@code promtool test rules F1 F2 ...} run into per-file verdicts and failure messages.
 * Standard output has {@code Unit Testing:  FILE} then {@code   SUCCESS} or one empty line per failure (plus one);
 * standard error has, per file, its warnings and, when it failed, {@code   FAILED:} and the messages.
 */
final class PromtoolTestOutput {

    /** One file. @param passed verdict @param messages failure messages */
    record FileOutput(boolean passed, List<String> messages) {
    }

    /**
     * Everything. @param files per file, in order @param warnings all warnings, in order (standard error does not
     * tell which file a passing file's warning belongs to)
     */
    record RunOutput(Map<String, FileOutput> files, List<String> warnings) {
    }

    private PromtoolTestOutput() {
    }

    static RunOutput parse(String stdout, String stderr) {
        List<String> out = new ArrayList<>(Arrays.asList(stdout.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);   // what follows the last newline
        }
        List<String> err = new ArrayList<>(Arrays.asList(stderr.split("\n", -1)));
        Map<String, FileOutput> files = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int e = 0;
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            if (!line.startsWith("Unit Testing:  ")) {
                continue;
            }
            String file = line.substring("Unit Testing:  ".length());
            boolean passed = i + 1 < out.size() && out.get(i + 1).equals("  SUCCESS");
            int blanks = 0;
            for (int j = i + 1; j < out.size() && out.get(j).isEmpty() && !passed; j++) {
                blanks++;
            }
            while (e < err.size() && err.get(e).startsWith("  WARNING: ")) {
                warnings.add(err.get(e++).substring(11));
            }
            List<String> messages = new ArrayList<>();
            if (!passed) {
                if (e >= err.size() || !err.get(e).equals("  FAILED:")) {
                    throw new IllegalStateException("expected '  FAILED:' for " + file + " at stderr line " + e);
                }
                e++;
                List<String> block = new ArrayList<>();
                while (e < err.size() && !err.get(e).equals("  FAILED:") && !err.get(e).startsWith("  WARNING: ")) {
                    block.add(err.get(e++));
                }
                messages = split(block);
                int expected = blanks - 1;
                if (messages.size() != expected) {
                    throw new IllegalStateException(file + ": split " + messages.size() + " messages, stdout says "
                            + expected + ":\n" + String.join("\n", block));
                }
            }
            files.put(file, new FileOutput(passed, messages));
        }
        while (e < err.size() && err.get(e).startsWith("  WARNING: ")) {
            warnings.add(err.get(e++).substring(11));
        }
        return new RunOutput(files, warnings);
    }

    /** A message starts with a name, alertname (unless after a name line), expr or rule line, or at column 0. */
    private static List<String> split(List<String> block) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = null;
        String previous = "";
        for (String line : block) {
            boolean starts = line.startsWith("    name: ") || line.startsWith("    expr: ")
                    || line.startsWith("    rule: ")
                    || (line.startsWith("    alertname: ") && !previous.startsWith("    name: "))
                    || (!line.isEmpty() && !line.startsWith(" "));
            if (starts || current == null) {
                if (current != null) {
                    messages.add(current.toString().replaceAll("\n+$", ""));
                }
                current = new StringBuilder(line);
            } else {
                current.append('\n').append(line);
            }
            previous = line;
        }
        if (current != null && !(messages.isEmpty() && current.isEmpty())) {
            messages.add(current.toString().replaceAll("\n+$", ""));
        }
        while (!messages.isEmpty() && messages.get(messages.size() - 1).isEmpty()) {
            messages.remove(messages.size() - 1);
        }
        return messages;
    }
}
