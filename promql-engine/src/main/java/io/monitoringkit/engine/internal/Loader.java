package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;

/** Loads series written in promqltest/promtool notation into a {@link SeriesStore}. */
public final class Loader {
    private Loader() {
    }

    /**
     * Loads one series: value {@code i} of the expanded list lands at {@code startMillis + i * intervalMillis};
     * missing values ({@code _}) are skipped.
     */
    public static void loadSeries(SeriesStore store, String description, String values, long startMillis,
                                  long intervalMillis) {
        Labels labels = SeriesNotation.parseDescription(description);
        double[] vs = SeriesNotation.expand(values);
        for (int i = 0; i < vs.length; i++) {
            if (!SeriesNotation.isOmitted(vs[i])) {
                store.append(labels, startMillis + i * intervalMillis, vs[i]);
            }
        }
    }

    /**
     * Loads a promqltest {@code load <interval>} block: the header line followed by one {@code <series> <values>}
     * line per series. Blank lines and {@code #} comments are ignored.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static void loadBlock(SeriesStore store, String block) {
        String[] lines = block.split("\n");
        int i = 0;
        while (i < lines.length && isSkippable(lines[i])) {
            i++;
        }
        if (i == lines.length) {
            throw new IllegalArgumentException("empty load block");
        }
        String[] head = lines[i].trim().split("\\s+");
        if (head.length != 2 || !(head[0].equals("load") || head[0].equals("load_with_nhcb"))) {
            throw new IllegalArgumentException("line " + (i + 1) + ": expected \"load <interval>\", got \""
                    + lines[i].trim() + "\"");
        }
        long interval;
        try {
            interval = PromDuration.parse(head[1]).millis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
        }
        for (int j = i + 1; j < lines.length; j++) {
            if (isSkippable(lines[j])) {
                continue;
            }
            String[] parts = SeriesNotation.splitLine(lines[j]);
            try {
                loadSeries(store, parts[0], parts[1], 0, interval);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (j + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isSkippable(String line) {
        String t = line.trim();
        return t.isEmpty() || t.startsWith("#");
    }
}
