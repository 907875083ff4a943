package io.monitoringkit.testkit.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Last line of defence against leaks: every process and temporary directory the testkit creates is registered
 * here until it is cleaned up normally; a JVM shutdown hook kills and deletes whatever is left.
 */
public final class Reaper {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private Reaper() {}

    /** Registers a live process; call {@link #forget(Process)} once it has been stopped. */
    public static void register(Process process) {
        installHook();
        PROCESSES.add(process);
    }

    /** Registers a temporary directory; call {@link #forget(Path)} once it has been deleted. */
    public static void register(Path directory) {
        installHook();
        DIRECTORIES.add(directory);
    }

    public static void forget(Process process) {
        PROCESSES.remove(process);
    }

    public static void forget(Path directory) {
        DIRECTORIES.remove(directory);
    }

    /** Number of processes started by the testkit that have not been stopped yet (for tests). */
    public static int liveProcesses() {
        PROCESSES.removeIf(p -> !p.isAlive());
        return PROCESSES.size();
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        Thread hook = new Thread(Reaper::reapAll, "monitoring-kit-testkit-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
        hookInstalled = true;
    }

    private static void reapAll() {
        for (Process process : PROCESSES) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : PROCESSES) {
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path directory : DIRECTORIES) {
            TempDirs.deleteQuietly(directory);
        }
    }
}
