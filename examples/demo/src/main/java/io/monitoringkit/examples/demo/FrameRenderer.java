package io.monitoringkit.examples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Frame} as lines of at most 80 columns: a progress bar, each panel's value with a sparkline and
 * each alert's state with a strip of its history, all timelines aligned in one column block. With colour it adds
 * ANSI SGR codes (pending yellow, firing red, resolved green); without Unicode it draws with ASCII only.
 *
 * <pre>{@code
 * List<String> lines = new FrameRenderer(FrameRenderer.Style.PLAIN_ASCII).render(frame);
 * }</pre>
 */
public final class FrameRenderer {

    /** Columns of the progress bar, the sparklines and the alert strips. */
    public static final int TIMELINE = 30;

    /** The widest line drawn. */
    public static final int WIDTH = 80;

    private static final int PREFIX = 30;
    private static final int NAME = 28;
    private static final String SPARK_UNICODE = "▁▂▃▄▅▆▇█";
    private static final String SPARK_ASCII = "_.:-=+*#";

    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String DIM = "\u001b[2m";
    static final String RED = "\u001b[1;31m";
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";

    /**
     * How to draw: with ANSI colours or not, with Unicode block characters or ASCII.
     *
     * <pre>{@code
     * new FrameRenderer.Style(true, true);   // a modern terminal
     * }</pre>
     *
     * @param color   ANSI colour codes
     * @param unicode block characters; ASCII otherwise
     */
    public record Style(boolean color, boolean unicode) {
        /** No colour, ASCII only. */
        public static final Style PLAIN_ASCII = new Style(false, false);
    }

    private final Style style;

    /** A renderer drawing in {@code style}. */
    public FrameRenderer(Style style) {
        this.style = style;
    }

    /** The frame's lines, without line separators. */
    public List<String> render(Frame f) {
        List<String> out = new ArrayList<>();
        out.add(paint(BOLD, clip(" " + f.title())));
        out.add(paint(DIM, clip(" " + f.subtitle())));
        out.add("");
        double progress = f.total().isZero() ? 1 : Math.min(1, (double) f.elapsed().toMillis() / f.total().toMillis());
        out.add(pad(" time " + clock(f.elapsed()) + " / " + clock(f.total()), PREFIX)
                + paint(CYAN, bar(progress)) + String.format(Locale.ROOT, " %3d%%", (int) Math.floor(progress * 100)));
        out.add(clip(pad(" phase", PREFIX) + f.phase()));
        out.add("");
        for (Frame.Panel p : f.panels()) {
            String value = p.value().isPresent() ? p.unit().format(p.value().getAsDouble()) : "-";
            int space = value.indexOf(' ');
            String number = space < 0 ? value : value.substring(0, space);
            String unit = space < 0 ? "" : value.substring(space + 1);
            out.add(pad(" " + pad(p.label(), 13) + leftPad(number, 9) + " " + unit, PREFIX)
                    + paint(CYAN, spark(p.columns())));
        }
        out.add("");
        out.add(paint(DIM, pad(" alert", PREFIX) + pad("timeline", TIMELINE) + " state    since"));
        for (Frame.AlertRow a : f.alerts()) {
            StringBuilder line = new StringBuilder(pad(" " + ellipsize(a.name(), NAME), PREFIX));
            appendStrip(line, a.columns());
            line.append(' ').append(paint(stateColor(a.state()), pad(a.state().label(), 8)));
            a.since().ifPresent(s -> line.append(' ').append(clock(s)));
            out.add(line.toString());
        }
        out.add("");
        out.add(paint(DIM, clip(" " + f.footer())));
        return out;
    }

    /** {@code 01:02:03} for a duration (hours keep growing past 99). */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** The ANSI colour this renderer uses for an alert state. */
    static String stateColor(AlertState s) {
        return switch (s) {
            case INACTIVE -> DIM;
            case PENDING -> YELLOW;
            case FIRING -> RED;
            case RESOLVED -> GREEN;
        };
    }

    String paint(String code, String text) {
        return style.color() && !text.isEmpty() ? code + text + RESET : text;
    }

    private String bar(double progress) {
        int filled = (int) Math.floor(progress * TIMELINE);
        char full = style.unicode() ? '█' : '#';
        char empty = style.unicode() ? '░' : '-';
        return "[" + String.valueOf(full).repeat(filled) + String.valueOf(empty).repeat(TIMELINE - filled) + "]";
    }

    private String spark(List<Double> columns) {
        String levels = style.unicode() ? SPARK_UNICODE : SPARK_ASCII;
        double max = 0;
        for (double v : columns) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        // one space where the progress bar has its '[', so sparklines line up with the bar's cells
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < Math.min(columns.size(), TIMELINE); i++) {
            double v = columns.get(i);
            if (!Double.isFinite(v)) {
                sb.append(' ');
            } else if (v <= 0 || max <= 0) {
                sb.append(levels.charAt(0));
            } else {
                int level = (int) Math.round(v / max * (levels.length() - 1));
                sb.append(levels.charAt(Math.max(1, level)));
            }
        }
        return sb.toString();
    }

    private void appendStrip(StringBuilder line, List<AlertState> columns) {
        line.append(' ');
        int n = Math.min(columns.size(), TIMELINE);
        int i = 0;
        while (i < n) {
            AlertState s = columns.get(i);
            int j = i;
            while (j < n && columns.get(j) == s) {
                j++;
            }
            String cell = switch (s) {
                case PENDING -> style.unicode() ? "▒" : "p";
                case FIRING -> style.unicode() ? "█" : "F";
                default -> style.unicode() ? "·" : ".";
            };
            line.append(paint(s == AlertState.RESOLVED ? DIM : stateColor(s), cell.repeat(j - i)));
            i = j;
        }
        line.append(" ".repeat(TIMELINE - n + 1));
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String leftPad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Lines longer than the terminal would wrap and break the redraw in place: cut at {@value #WIDTH}. */
    private String clip(String s) {
        return ellipsize(s, WIDTH);
    }

    private String ellipsize(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + (style.unicode() ? "…" : "~");
    }
}
