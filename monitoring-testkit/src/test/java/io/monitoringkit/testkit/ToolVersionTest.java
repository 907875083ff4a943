package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolVersionTest {

    private static final String DEBIAN_PROMETHEUS = """
            prometheus, version 2.42.0+ds (branch: debian/sid, revision: 2.42.0+ds-5+deb12u1)
              build user:       team+pkg-go@tracker.debian.org
              build date:       20260604-00:58:54
              go version:       go1.19.8
              platform:         linux/amd64
            """;

    @Test
    void parsesDebiansPrometheusReport() {
        ToolVersion v = ToolVersion.parse(DEBIAN_PROMETHEUS);

        assertThat(v.program()).isEqualTo("prometheus");
        assertThat(v.version()).isEqualTo("2.42.0+ds");
        assertThat(v.major()).isEqualTo(2);
        assertThat(v.minor()).isEqualTo(42);
        assertThat(v.patch()).isZero();
        assertThat(v.revision()).contains("2.42.0+ds-5+deb12u1");
        assertThat(v.goVersion()).contains("go1.19.8");
        assertThat(v).hasToString("prometheus 2.42.0+ds");
    }

    @Test
    void parsesAlertmanagerAndPrereleaseVersions() {
        ToolVersion am = ToolVersion.parse("alertmanager, version 0.25.0 (branch: HEAD, revision: 258fab7c)\n");
        ToolVersion rc = ToolVersion.parse("promtool, version 3.0.0-rc.1 (branch: HEAD, revision: abc)");

        assertThat(am.program()).isEqualTo("alertmanager");
        assertThat(am.version()).isEqualTo("0.25.0");
        assertThat(am.revision()).contains("258fab7c");
        assertThat(am.goVersion()).isEmpty();
        assertThat(rc.version()).isEqualTo("3.0.0-rc.1");
        assertThat(rc.major()).isEqualTo(3);
    }

    @Test
    void findsTheVersionLineAfterNoise() {
        ToolVersion v = ToolVersion.parse("some warning\namtool, version 0.27.1 (branch: main)\n");

        assertThat(v.program()).isEqualTo("amtool");
        assertThat(v.version()).isEqualTo("0.27.1");
    }

    @Test
    void comparesMajorAndMinor() {
        ToolVersion v = ToolVersion.parse(DEBIAN_PROMETHEUS);

        assertThat(v.isAtLeast(2, 42)).isTrue();
        assertThat(v.isAtLeast(2, 9)).isTrue();
        assertThat(v.isAtLeast(1, 99)).isTrue();
        assertThat(v.isAtLeast(2, 43)).isFalse();
        assertThat(v.isAtLeast(3, 0)).isFalse();
    }

    @Test
    void rejectsOutputWithoutAVersionLine() {
        assertThatThrownBy(() -> ToolVersion.parse("  command not found\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'command not found' is not a version report: expected a line like "
                        + "'prometheus, version 2.42.0 (...)'");
    }
}
