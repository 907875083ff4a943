package io.monitoringkit.testkit.internal;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short-lived command to completion with a timeout, feeding standard input and draining both outputs on
 * their own threads so that no pipe can fill up and block the tool.
 */
public final class ProcessRunner {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private ProcessRunner() {}

    /**
     * Runs {@code command}.
     *
     * @param workingDirectory where to run it, or null for the current directory
     * @param stdin            bytes for standard input, or null for an empty, closed standard input
     * @throws ToolException when the command cannot be started or does not finish in time (it is then killed)
     */
    public static CommandResult run(List<String> command, Path workingDirectory, byte[] stdin, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ToolException("cannot start '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        Reaper.register(process);
        try {
            FutureTask<byte[]> out = drain(process.getInputStream(), command, "stdout");
            FutureTask<byte[]> err = drain(process.getErrorStream(), command, "stderr");
            feed(process.getOutputStream(), stdin, command);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new ToolException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toMillis() + " ms and was killed\n--- stdout ---\n"
                        + text(collect(out)) + "\n--- stderr ---\n" + text(collect(err)));
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            return new CommandResult(command, process.exitValue(), text(collect(out)), text(collect(err)),
                    duration);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running '" + String.join(" ", command) + "'", e);
        } finally {
            if (!process.isAlive()) {
                Reaper.forget(process);
            }
        }
    }

    private static FutureTask<byte[]> drain(InputStream in, List<String> command, String which) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (in) {
                return in.readAllBytes();
            }
        });
        Thread t = new Thread(task, "testkit-" + which + "-" + fileName(command.get(0)));
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static void feed(OutputStream stdinPipe, byte[] stdin, List<String> command) {
        if (stdin == null || stdin.length == 0) {
            closeQuietly(stdinPipe);
            return;
        }
        Thread t = new Thread(() -> {
            try (stdinPipe) {
                stdinPipe.write(stdin);
            } catch (IOException e) {
                // the tool closed its standard input early; what it printed tells why
            }
        }, "testkit-stdin-" + fileName(command.get(0)));
        t.setDaemon(true);
        t.start();
    }

    private static byte[] collect(FutureTask<byte[]> task) throws InterruptedException {
        try {
            return task.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            task.cancel(true);
            return ("<output unavailable: " + e + ">").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // nothing to do: the process is gone or never read its input
        }
    }

    private static String fileName(String binary) {
        Path name = Path.of(binary).getFileName();
        return name == null ? binary : name.toString();
    }
}
