package io.monitoringkit.testkit.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The captured output of a server, line by line, bounded (the oldest lines are dropped past the limit) and
 * awaitable: threads can wait for a line matching a pattern.
 */
public final class LogBuffer {
    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long appended;
    private boolean closed;

    public LogBuffer(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
        }
        this.maxLines = maxLines;
    }

    public synchronized void append(String line) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
        }
        appended++;
        notifyAll();
    }

    /** Marks the end of the output (the process closed its output). */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** The sequence number the next line will get; pass it to {@link #await} to wait only for later lines. */
    public synchronized long mark() {
        return appended;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        long dropped = appended - lines.size();
        if (dropped > 0) {
            sb.append("[").append(dropped).append(" earlier lines dropped]\n");
        }
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The last {@code n} lines, each followed by a newline. */
    public synchronized String tail(int n) {
        List<String> all = new ArrayList<>(lines);
        StringBuilder sb = new StringBuilder();
        for (String line : all.subList(Math.max(0, all.size() - n), all.size())) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * Waits until a line with sequence number {@code >= from} contains a match of {@code pattern}; empty when
     * the timeout passes or the output ends first.
     */
    public synchronized Optional<String> await(Pattern pattern, long from, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long checked = from;
        while (true) {
            long first = appended - lines.size();
            if (checked < appended) {
                Iterator<String> it = lines.iterator();
                for (long seq = first; it.hasNext(); seq++) {
                    String line = it.next();
                    if (seq >= checked && pattern.matcher(line).find()) {
                        return Optional.of(line);
                    }
                }
                checked = appended;
            }
            long remaining = deadline - System.nanoTime();
            if (closed || remaining <= 0) {
                return Optional.empty();
            }
            long millis = Math.max(1, remaining / 1_000_000);
            wait(Math.min(millis, 200));
        }
    }
}
