package io.monitoringkit.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line per step of service time (a minute by default) and one per alert state change, ASCII only: for pipes,
 * logs and CI.
 *
 * <pre>{@code
 * 00:13:00  rate 4.17 req/s  error ratio 12.00 %  p99 latency 495 ms  | error burst | firing: CheckoutErrorBudgetSlowBurn
 * 00:13:30  CheckoutErrorBudgetFastBurn: pending -> FIRING
 * }</pre>
 */
public final class PlainDisplay implements Display {

    private final PrintStream out;
    private final Duration every;
    private Duration next = Duration.ZERO;
    private boolean last;

    /** Prints a status line every {@code every} of service time. */
    public PlainDisplay(PrintStream out, Duration every) {
        this.out = out;
        this.every = every;
    }

    @Override
    public void start(List<String> header) {
        header.forEach(out::println);
        out.flush();
    }

    @Override
    public void step(Frame frame, List<ViewState.Transition> changes) {
        for (ViewState.Transition t : changes) {
            out.println(transitionLine(t));
        }
        boolean end = frame.elapsed().compareTo(frame.total()) >= 0;
        if (frame.elapsed().compareTo(next) >= 0 || end && !last) {
            out.println(statusLine(frame));
            while (next.compareTo(frame.elapsed()) <= 0) {
                next = next.plus(every);
            }
            last = end;
        }
        out.flush();
    }

    /** {@code 00:13:30  CheckoutErrorBudgetFastBurn: pending -> FIRING}. */
    public static String transitionLine(ViewState.Transition t) {
        return FrameRenderer.clock(t.at()) + "  " + t.alert() + ": " + t.from().label() + " -> " + t.to().label();
    }

    /** The numbers, the phase and the active alerts of a frame on one line. */
    public static String statusLine(Frame f) {
        StringBuilder sb = new StringBuilder(FrameRenderer.clock(f.elapsed()));
        for (Frame.Panel p : f.panels()) {
            sb.append("  ").append(p.label()).append(' ')
                    .append(p.value().isPresent() ? p.unit().format(p.value().getAsDouble()) : "-");
        }
        sb.append("  | ").append(f.phase());
        String firing = names(f, AlertState.FIRING);
        String pending = names(f, AlertState.PENDING);
        if (!firing.isEmpty()) {
            sb.append(" | firing: ").append(firing);
        }
        if (!pending.isEmpty()) {
            sb.append(" | pending: ").append(pending);
        }
        if (!f.footer().isEmpty()) {
            sb.append(" | ").append(f.footer());
        }
        return sb.toString();
    }

    private static String names(Frame f, AlertState state) {
        return f.alerts().stream().filter(a -> a.state() == state).map(Frame.AlertRow::name)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void finish() {
        out.flush();
    }
}
