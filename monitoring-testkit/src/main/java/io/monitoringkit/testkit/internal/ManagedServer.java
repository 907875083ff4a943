package io.monitoringkit.testkit.internal;

import io.monitoringkit.testkit.ToolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running server process (Prometheus or Alertmanager) with its output captured, its address read from
 * its log, readiness awaited on {@code /-/ready}, and a stop that sends SIGTERM, then kills, then deletes the
 * server's temporary directory.
 */
public final class ManagedServer implements AutoCloseable {
    /** Both Prometheus (2.x and 3.x) and Alertmanager log this line once the listener is bound. */
    private static final Pattern LISTENING = Pattern.compile("msg=\"?Listening on\"? .*?address=\"?([^\\s\"]+)");
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final LogBuffer log;
    private final Thread pump;
    private final Duration shutdownTimeout;
    private String host;
    private int port;
    private boolean closed;

    private ManagedServer(String name, List<String> command, Process process, Path workDir, Path logFile,
            Duration shutdownTimeout) {
        this.logFile = logFile;
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.workDir = workDir;
        this.shutdownTimeout = shutdownTimeout;
        this.log = new LogBuffer(20_000);
        this.pump = new Thread(this::pumpLog, "testkit-log-" + name + "-" + process.pid());
        this.pump.setDaemon(true);
        this.pump.start();
    }

    /**
     * Starts {@code command} in {@code workDir}, waits until it logs its listen address and answers 200 on
     * {@code /-/ready}. On any failure the process is stopped, {@code workDir} deleted, and a
     * {@link ToolException} carrying the log is thrown.
     */
    public static ManagedServer start(String name, List<String> command, Path workDir, Duration startupTimeout,
            Duration shutdownTimeout) {
        // Output goes to a file that a thread tails: reading the pipe directly loses the last lines (the JDK
        // closes the pipe under a blocked reader when the process exits).
        Path logFile = workDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            TempDirs.deleteQuietly(workDir);
            throw new ToolException("cannot start " + name + " '" + String.join(" ", command) + "': "
                    + e.getMessage(), e);
        }
        Reaper.register(process);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // standard input is unused
        }
        ManagedServer server = new ManagedServer(name, command, process, workDir, logFile, shutdownTimeout);
        try {
            server.awaitStarted(startupTimeout);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while starting " + name, e);
        }
    }

    private void awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> line = log.await(LISTENING, 0, timeout);
        if (line.isEmpty()) {
            if (log.isClosed()) {
                process.waitFor(2, TimeUnit.SECONDS);
            }
            throw failure(process.isAlive()
                    ? "did not log its listen address ('msg=\"Listening on\" address=...') within "
                            + timeout.toMillis() + " ms"
                    : "exited with code " + exitCode() + " before listening");
        }
        Matcher m = LISTENING.matcher(line.get());
        if (!m.find()) {
            throw failure("logged an unreadable listen address: " + line.get());
        }
        String address = m.group(1);
        int colon = address.lastIndexOf(':');
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw failure("logged an unreadable listen address: " + address);
        }
        host = address.substring(0, colon);
        if (host.isEmpty() || host.equals("[::]") || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        awaitReady(deadline, timeout);
    }

    private void awaitReady(long deadline, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("-/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + exitCode() + " before it was ready");
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(25);
        }
        throw failure("was not ready on " + uri("-/ready") + " within " + timeout.toMillis() + " ms (last: "
                + last + ")");
    }

    private void pumpLog() {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(logFile)) {
            while (true) {
                boolean exited = !process.isAlive();
                int n = in.read(buffer);
                if (n > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            log.append(partial.toString(StandardCharsets.UTF_8));
                            partial.reset();
                        } else {
                            partial.write(buffer[i]);
                        }
                    }
                } else if (exited) {
                    break;
                } else {
                    Thread.sleep(10);
                }
            }
            if (partial.size() > 0) {
                log.append(partial.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            log.append("[testkit: log capture ended: " + e + "]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.close();
        }
    }

    private String exitCode() {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
            return process.isAlive() ? "?" : Integer.toString(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** A {@link ToolException} naming the server and command, with the tail of the log. */
    public ToolException failure(String what) {
        return new ToolException(name + " " + what + "\n$ " + String.join(" ", command) + "\n--- " + name
                + " log (last " + LOG_TAIL + " lines) ---\n" + log.tail(LOG_TAIL));
    }

    public URI uri(String pathAndQuery) {
        String path = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port + "/" + path);
    }

    /** Sends a request with a 30 s timeout. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure("did not answer " + request.method() + " " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public LogBuffer log() {
        return log;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, wait for the shutdown timeout, then SIGKILL; then delete the working directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.append("[testkit: " + name + " ignored SIGTERM for " + shutdownTimeout.toMillis()
                            + " ms; killing it]");
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            pump.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (!process.isAlive()) {
                Reaper.forget(process);
            }
            TempDirs.deleteQuietly(workDir);
        }
    }
}
