package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ToolLocatorTest {

    @TempDir
    Path dir;

    @Test
    void missingBinaryAbortsTheTestWithAnInstallHint() {
        ToolLocator locator = ToolLocator.of(Map.of("PATH", "/nonexistent"));

        assertThatThrownBy(() -> locator.require(Tool.PROMETHEUS))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("prometheus not found, so this test is skipped. Install it "
                        + "(Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager) or set "
                        + "PROMETHEUS_BIN to the binary or its directory. Searched PROMETHEUS_BIN (not set) and "
                        + "PATH (/nonexistent) for 'prometheus'.");
    }

    @Test
    void missingAlertmanagerMessageNamesBothBinaryNames() {
        ToolLocator locator = ToolLocator.of(Map.of());

        assertThat(locator.missingMessage(Tool.ALERTMANAGER)).isEqualTo("alertmanager not found, so this test is "
                + "skipped. Install it (Debian/Ubuntu: apt-get install prometheus prometheus-alertmanager) or set "
                + "ALERTMANAGER_BIN to the binary or its directory. Searched ALERTMANAGER_BIN (not set) and PATH () "
                + "for 'alertmanager' or 'prometheus-alertmanager'.");
        assertThat(locator.find(Tool.ALERTMANAGER)).isEmpty();
        assertThat(locator.isAvailable(Tool.ALERTMANAGER)).isFalse();
    }

    @Test
    void findsTheBinaryOnThePathInPathOrder() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        executable(second.resolve("promtool"), "exit 0");
        executable(first.resolve("promtool"), "exit 0");

        ToolLocator locator = ToolLocator.of(Map.of("PATH", dir.resolve("empty") + ":" + first + ":" + second));

        assertThat(locator.find(Tool.PROMTOOL)).contains(first.resolve("promtool"));
        assertThat(locator.require(Tool.PROMTOOL)).isEqualTo(first.resolve("promtool"));
    }

    @Test
    void findsDebiansAlertmanagerName() throws IOException {
        executable(dir.resolve("prometheus-alertmanager"), "exit 0");

        ToolLocator locator = ToolLocator.of(Map.of("PATH", dir.toString()));

        assertThat(locator.find(Tool.ALERTMANAGER)).contains(dir.resolve("prometheus-alertmanager"));
    }

    @Test
    void prefersTheUpstreamAlertmanagerNameInTheSameDirectory() throws IOException {
        executable(dir.resolve("prometheus-alertmanager"), "exit 0");
        executable(dir.resolve("alertmanager"), "exit 0");

        assertThat(ToolLocator.of(Map.of("PATH", dir.toString())).find(Tool.ALERTMANAGER))
                .contains(dir.resolve("alertmanager"));
    }

    @Test
    void ignoresFilesThatAreNotExecutable() throws IOException {
        Files.writeString(dir.resolve("amtool"), "#!/bin/sh\n");

        assertThat(ToolLocator.of(Map.of("PATH", dir.toString())).find(Tool.AMTOOL)).isEmpty();
    }

    @Test
    void environmentVariableNamingTheBinaryWinsOverPath() throws IOException {
        Path onPath = Files.createDirectory(dir.resolve("path"));
        executable(onPath.resolve("prometheus"), "exit 0");
        Path custom = executable(dir.resolve("my-prometheus"), "exit 0");

        ToolLocator locator = ToolLocator.of(Map.of("PATH", onPath.toString(), "PROMETHEUS_BIN", custom.toString()));

        assertThat(locator.find(Tool.PROMETHEUS)).contains(custom);
    }

    @Test
    void environmentVariableMayNameTheDirectory() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        executable(bin.resolve("prometheus-alertmanager"), "exit 0");

        ToolLocator locator = ToolLocator.of(Map.of("ALERTMANAGER_BIN", bin.toString()));

        assertThat(locator.find(Tool.ALERTMANAGER)).contains(bin.resolve("prometheus-alertmanager"));
    }

    @Test
    void environmentVariableNamingNothingUsableIsAnErrorNotASkip() {
        ToolLocator locator = ToolLocator.of(Map.of("PROMTOOL_BIN", dir.toString()));

        assertThatThrownBy(() -> locator.require(Tool.PROMTOOL))
                .isInstanceOf(ToolException.class)
                .hasMessage("PROMTOOL_BIN=" + dir + " names neither an executable file nor a directory containing "
                        + "'promtool'; fix or unset PROMTOOL_BIN");
    }

    @Test
    void blankEnvironmentVariableCountsAsUnset() throws IOException {
        executable(dir.resolve("amtool"), "exit 0");

        ToolLocator locator = ToolLocator.of(Map.of("AMTOOL_BIN", "  ", "PATH", dir.toString()));

        assertThat(locator.find(Tool.AMTOOL)).contains(dir.resolve("amtool"));
    }

    @Test
    void readsTheVersionTheBinaryReports() throws IOException {
        executable(dir.resolve("promtool"), "echo 'promtool, version 9.8.7 (branch: x, revision: y)'");

        ToolVersion version = ToolLocator.of(Map.of("PATH", dir.toString())).version(Tool.PROMTOOL);

        assertThat(version.version()).isEqualTo("9.8.7");
        assertThat(version.revision()).contains("y");
    }

    @Test
    void readsAVersionPrintedOnStandardError() throws IOException {
        Path binary = executable(dir.resolve("old-amtool"), "echo 'amtool, version 0.15.3 (branch: HEAD)' >&2");

        assertThat(ToolLocator.versionOf(binary).version()).isEqualTo("0.15.3");
    }

    @Test
    void binaryWithoutVersionReportIsAnError() throws IOException {
        Path binary = executable(dir.resolve("impostor"), "echo hello");

        assertThatThrownBy(() -> ToolLocator.versionOf(binary))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("cannot read the version of " + binary + ": 'hello' is not a version report");
    }

    static Path executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
