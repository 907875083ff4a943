package io.monitoringkit.testkit;

/**
 * A tool could not be run as asked: a server did not start or become ready in time, a command timed out, a
 * reload was rejected, or an environment variable names something that is not the tool. The message carries
 * the command and the tail of the tool's output.
 *
 * <pre>{@code
 * try {
 *     server.reload("global: {scrape_interval: x}");
 * } catch (ToolException e) {
 *     // e.getMessage() contains "failed to reload config: ..." and the last log lines
 * }
 * }</pre>
 */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public ToolException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
