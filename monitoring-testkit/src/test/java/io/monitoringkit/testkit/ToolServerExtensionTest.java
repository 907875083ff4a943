package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small test classes through the JUnit engine and checks the extension's lifecycle. The inner classes are
 * not run by Surefire directly (it skips nested classes).
 */
class ToolServerExtensionTest {

    static final List<ToolServer> SEEN = new CopyOnWriteArrayList<>();

    private static EngineExecutionResults run(Class<?> testClass) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    @Test
    void staticFieldKeepsOneServerForTheClassAndStopsItAfterwards() {
        ToolLocator.system().require(Tool.PROMETHEUS);

        EngineExecutionResults results = run(PerClass.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        ToolServer server = SEEN.get(0);
        assertThat(SEEN.get(1)).isSameAs(server);
        assertThat(server.isRunning()).isFalse();
        assertThat(server.workDir()).doesNotExist();
    }

    @Test
    void instanceFieldStartsOneServerPerTest() {
        ToolLocator.system().require(Tool.ALERTMANAGER);

        EngineExecutionResults results = run(PerTest.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0).pid()).isNotEqualTo(SEEN.get(1).pid());
        assertThat(SEEN).noneMatch(ToolServer::isRunning);
    }

    @Test
    void aFailingTestCarriesTheServersLog() {
        ToolLocator.system().require(Tool.PROMETHEUS);

        EngineExecutionResults results = run(Failing.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).hasMessage("boom");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage())
                .startsWith("PrometheusServer[http://127.0.0.1:")
                .contains(" log (last 40 lines):\n")
                .contains("Server is ready to receive web requests");
    }

    @Test
    void aMissingBinarySkipsTheWholeClassWithTheInstallHint() {
        EngineExecutionResults results = run(Missing.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Event aborted = results.containerEvents().aborted().stream().findFirst().orElseThrow();
        Throwable reason = aborted.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(reason).hasMessageStartingWith("prometheus not found, so this test is skipped.");
    }

    @Test
    void serverOutsideTheTestsIsAnError() {
        ToolServerExtension<PrometheusServer> unused = ToolServerExtension.of(PrometheusServer.builder());

        org.assertj.core.api.Assertions.assertThatThrownBy(unused::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no server is running: use server() inside tests of a class that registers this "
                        + "extension with @RegisterExtension");
    }

    static class PerClass {
        @RegisterExtension
        static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(
                PrometheusServer.builder());

        @Test
        void first() {
            SEEN.add(PROMETHEUS.server());
        }

        @Test
        void second() {
            SEEN.add(PROMETHEUS.server());
        }
    }

    static class PerTest {
        @RegisterExtension
        final ToolServerExtension<AlertmanagerServer> alertmanager = ToolServerExtension.of(
                AlertmanagerServer.builder());

        @Test
        void first() {
            SEEN.add(alertmanager.server());
        }

        @Test
        void second() {
            SEEN.add(alertmanager.server());
        }
    }

    static class Failing {
        @RegisterExtension
        static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(
                PrometheusServer.builder());

        @Test
        void fails() {
            throw new AssertionError("boom");
        }
    }

    static class Missing {
        @RegisterExtension
        static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(
                PrometheusServer.builder().locator(ToolLocator.of(Map.of("PATH", "/none"))));

        @Test
        void neverRuns() {
            SEEN.add(PROMETHEUS.server());
        }
    }

}
