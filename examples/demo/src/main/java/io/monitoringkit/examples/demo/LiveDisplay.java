package io.monitoringkit.examples.demo;

import java.io.PrintStream;
import java.util.List;

/**
 * The live view: draws each frame over the previous one with ANSI cursor movement (no scrolling), the cursor
 * hidden while it runs.
 *
 * <pre>{@code
 * LiveDisplay live = new LiveDisplay(System.out, new FrameRenderer(new FrameRenderer.Style(true, true)));
 * }</pre>
 */
public final class LiveDisplay implements Display {

    static final String HIDE_CURSOR = "\u001b[?25l";
    static final String SHOW_CURSOR = "\u001b[?25h";
    static final String CLEAR_LINE = "\u001b[2K";
    static final String CLEAR_BELOW = "\u001b[J";

    private final PrintStream out;
    private final FrameRenderer renderer;
    private int drawn;
    private boolean cursorHidden;

    /** A live view on {@code out}. */
    public LiveDisplay(PrintStream out, FrameRenderer renderer) {
        this.out = out;
        this.renderer = renderer;
    }

    @Override
    public synchronized void starting(String message) {
        hideCursor();
        draw(List.of(" " + message));
    }

    @Override
    public synchronized void start(List<String> header) {
        hideCursor();
    }

    private void hideCursor() {
        if (!cursorHidden) {
            out.print(HIDE_CURSOR);
            cursorHidden = true;
            out.flush();
        }
    }

    @Override
    public synchronized void step(Frame frame, List<ViewState.Transition> changes) {
        draw(renderer.render(frame));
    }

    /** Draws {@code lines} over the previous frame. */
    synchronized void draw(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) {
            sb.append("\u001b[").append(drawn).append('F');   // to the start of the frame's first line
        }
        for (String line : lines) {
            sb.append(CLEAR_LINE).append(line).append('\n');
        }
        if (lines.size() < drawn) {
            sb.append(CLEAR_BELOW);
        }
        drawn = lines.size();
        out.print(sb);
        out.flush();
    }

    @Override
    public synchronized void finish() {
        if (cursorHidden) {
            out.print(SHOW_CURSOR);
            out.flush();
            cursorHidden = false;
        }
    }
}
