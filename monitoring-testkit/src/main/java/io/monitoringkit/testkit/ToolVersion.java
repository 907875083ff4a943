package io.monitoringkit.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool's version as its {@code --version} prints it, e.g.
 * {@code prometheus, version 2.42.0+ds (branch: debian/sid, revision: 2.42.0+ds-5+deb12u1)}.
 *
 * <pre>{@code
 * ToolVersion v = ToolVersion.parse("alertmanager, version 0.25.0 (branch: HEAD, revision: 258fab7)");
 * v.program();          // "alertmanager"
 * v.version();          // "0.25.0"
 * v.isAtLeast(0, 25);   // true
 * }</pre>
 *
 * @param program the program name the tool reports, e.g. {@code promtool}
 * @param version the full version string, e.g. {@code 2.42.0+ds} or {@code 3.0.0-rc.1}
 * @param major   the major version number
 * @param minor   the minor version number
 * @param patch   the patch version number
 * @param raw     the complete {@code --version} output
 */
public record ToolVersion(String program, String version, int major, int minor, int patch, String raw) {

    private static final Pattern FIRST_LINE =
            Pattern.compile("(?m)^\\s*(\\S+), version v?((\\d+)\\.(\\d+)\\.(\\d+)\\S*)");
    private static final Pattern REVISION = Pattern.compile("revision: ([^)\\s]+)\\)");
    private static final Pattern GO_VERSION = Pattern.compile("(?m)^\\s*go version:\\s*(\\S+)");

    /** Checks that nothing is null and no number is negative. */
    public ToolVersion {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(raw, "raw");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor
                    + "." + patch);
        }
    }

    /**
     * Parses the output of {@code TOOL --version} (standard output and error together; old releases print to
     * standard error).
     *
     * @throws IllegalArgumentException quoting the output when it holds no {@code NAME, version X.Y.Z} line
     */
    public static ToolVersion parse(String versionOutput) {
        Objects.requireNonNull(versionOutput, "versionOutput");
        Matcher m = FIRST_LINE.matcher(versionOutput);
        if (!m.find()) {
            throw new IllegalArgumentException("'" + versionOutput.strip()
                    + "' is not a version report: expected a line like 'prometheus, version 2.42.0 (...)'");
        }
        return new ToolVersion(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), versionOutput);
    }

    /** Whether this version is {@code major.minor} or newer. */
    public boolean isAtLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** The revision in the build line, e.g. {@code 2.42.0+ds-5+deb12u1}, when reported. */
    public Optional<String> revision() {
        Matcher m = REVISION.matcher(raw);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The Go version the tool was built with, e.g. {@code go1.19.8}, when reported. */
    public Optional<String> goVersion() {
        Matcher m = GO_VERSION.matcher(raw);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code program version}, e.g. {@code prometheus 2.42.0+ds}. */
    @Override
    public String toString() {
        return program + " " + version;
    }
}
