package io.monitoringkit.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a command-line tool produced: exit code, standard output, standard error and wall-clock
 * duration. {@link #describe()} renders all of it for assertion messages.
 *
 * <pre>{@code
 * CommandResult result = Promtool.locate().checkRules(good, bad);
 * assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
 * assertThat(result.stderr()).contains("unclosed left parenthesis");
 * }</pre>
 *
 * @param command  the command line that ran, binary first
 * @param exitCode the process' exit code
 * @param stdout   everything written to standard output, decoded as UTF-8
 * @param stderr   everything written to standard error, decoded as UTF-8
 * @param duration wall-clock time from start to exit
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, Duration duration) {

    /** Copies the command and checks that nothing is null. */
    public CommandResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard output followed by standard error. */
    public String output() {
        return stdout + stderr;
    }

    /**
     * Returns this result when the exit code is 0, and otherwise throws a {@link ToolException} whose message is
     * {@link #describe()}.
     */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new ToolException(describe());
        }
        return this;
    }

    /**
     * A multi-line rendering for failure messages: the command, exit code and duration, then both outputs.
     *
     * <pre>{@code
     * $ promtool check rules bad.yml
     * exit code 1 after 41 ms
     * --- stdout ---
     * Checking bad.yml
     * --- stderr ---
     *   FAILED:
     * ...
     * }</pre>
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("$ ").append(String.join(" ", command)).append('\n');
        sb.append("exit code ").append(exitCode).append(" after ").append(duration.toMillis()).append(" ms\n");
        sb.append("--- stdout ---\n").append(stdout);
        if (!stdout.isEmpty() && !stdout.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("--- stderr ---\n").append(stderr);
        if (!stderr.isEmpty() && !stderr.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
