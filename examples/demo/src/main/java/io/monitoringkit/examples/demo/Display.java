package io.monitoringkit.examples.demo;

import java.util.List;

/**
 * Where the demo shows its steps: a live view redrawn in place ({@link LiveDisplay}) or one line per step
 * ({@link PlainDisplay}, for logs and pipes).
 *
 * <pre>{@code
 * Display display = System.console() == null ? new PlainDisplay(System.out) : new LiveDisplay(System.out, style);
 * }</pre>
 */
public interface Display {

    /** Called first, while the service starts and the rules load (a second or more on a cold JVM). */
    default void starting(String message) {
    }

    /** Called once before the first step with the lines describing the run. */
    void start(List<String> header);

    /** Shows one step: the frame and the alert state changes it saw. */
    void step(Frame frame, List<ViewState.Transition> changes);

    /** Leaves the terminal as it was (cursor shown); safe to call twice and from a shutdown hook. */
    void finish();
}
