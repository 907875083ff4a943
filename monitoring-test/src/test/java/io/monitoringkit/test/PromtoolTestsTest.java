package io.monitoringkit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class PromtoolTestsTest {
    static final Path PASSING = Path.of("src/test/resources/promtool/passing");
    static final Path FAILING = Path.of("src/test/resources/promtool/failing");

    static final String MIXED_FAILURE = """
            Unit Testing:  src/test/resources/promtool/failing/mixed.test.yml
              FAILED:
                name: expects the wrong severity,
                alertname: InstanceDown, time: 5m,\s
                    exp:[
                        0:
                          Labels:{alertname="InstanceDown", instance="a:1", job="api", severity="page"}
                          Annotations:{summary="a:1 of api is down"}
                        ],\s
                    got:[
                        0:
                          Labels:{alertname="InstanceDown", instance="a:1", job="api", severity="ticket"}
                          Annotations:{summary="a:1 of api is down"}
                        ]
                expr: "sum(up)", time: 5m,
                    exp: {} 1E+00
                    got: {} 0E+00""";

    @TestFactory
    Stream<DynamicTest> aDirectoryOfPromtoolFilesRunsAsDynamicTests() {
        return PromtoolTests.from(PASSING);
    }

    @PromtoolRuleTests("src/test/resources/promtool/passing")
    void oneAnnotationRunsADirectoryToo() {
    }

    @TestFactory
    Stream<DynamicTest> singleFilesRunToo() {
        return PromtoolTests.files(PASSING.resolve("targets.test.yml"));
    }

    @Test
    void eachTestGroupIsOneTestNamedAfterItsFileAndItsName() {
        List<String> names = PromtoolTests.from(PASSING).map(DynamicTest::getDisplayName).toList();
        assertThat(names).containsExactly(
                "api.test.yml › ten percent errors page after five minutes",
                "api.test.yml › tests[1]",
                "targets.test.yml › a target down for two minutes fires");
        assertThat(PromtoolTests.from(PASSING).map(t -> t.getTestSourceUri().orElseThrow()))
                .containsExactly(PASSING.resolve("api.test.yml").toAbsolutePath().toUri(),
                        PASSING.resolve("api.test.yml").toAbsolutePath().toUri(),
                        PASSING.resolve("targets.test.yml").toAbsolutePath().toUri());
    }

    @Test
    void aFailingTestGroupFailsWithPromtoolsTextWhileTheOthersPass() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingFactory.class)).execute()
                .testEvents();
        assertThat(tests.succeeded().stream().map(PromtoolTestsTest::name)).containsExactly("mixed.test.yml › passes");
        assertThat(tests.failed().stream().map(PromtoolTestsTest::name))
                .containsExactly("broken.test.yml", "mixed.test.yml › expects the wrong severity");
        assertThat(failure(tests, "mixed.test.yml › expects the wrong severity")).isEqualTo(MIXED_FAILURE);
        assertThat(failure(tests, "broken.test.yml"))
                .startsWith("Unit Testing:  src/test/resources/promtool/failing/broken.test.yml\n  FAILED:\n")
                .contains("intervall");
    }

    @Test
    void theAnnotationReportsTheSameTestsAndFailures() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingAnnotated.class)).execute()
                .testEvents();
        assertThat(tests.succeeded().stream().map(PromtoolTestsTest::name)).containsExactly("mixed.test.yml › passes");
        assertThat(tests.failed().stream().map(PromtoolTestsTest::name))
                .containsExactly("broken.test.yml", "mixed.test.yml › expects the wrong severity");
        assertThat(failure(tests, "mixed.test.yml › expects the wrong severity")).isEqualTo(MIXED_FAILURE);
        assertThat(FailingAnnotated.bodyRuns).isEqualTo(3);
    }

    @Test
    void aDirectoryWithoutTestFilesIsAnError() {
        Path rules = PASSING.resolve("rules");
        assertThatThrownBy(() -> PromtoolTests.from(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no promtool rule test files in " + rules.toAbsolutePath() + ": a test file is a .yml or "
                        + ".yaml file with a top-level tests: or rule_files: key");
        Path missing = PASSING.resolve("missing");
        assertThatThrownBy(() -> PromtoolTests.from(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing.toAbsolutePath() + " is not a directory of promtool rule test files");
    }

    /**
     * The oracle: the real promtool (2.42, which reads no PrometheusRule manifests, so the manifest is rewritten as a
     * plain rule file in a copy) passes the passing files and fails the failing group with the same text.
     */
    @Test
    void theRealPromtoolGivesTheSameVerdictsAndText(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate();
        Path root = PASSING.getParent();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(root.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        Path manifest = dir.resolve("passing/rules/targets.rules.yaml");
        Files.writeString(manifest, RuleFiles.read(Files.readString(manifest), "targets.rules.yaml").toYaml());

        CommandResult passing = promtool.inDirectory(dir.resolve("passing")).testRules(
                Path.of("api.test.yml"), Path.of("targets.test.yml"));
        assertThat(passing.exitCode()).as(passing.describe()).isZero();

        CommandResult mixed = promtool.inDirectory(dir.resolve("failing")).testRules(Path.of("mixed.test.yml"));
        assertThat(mixed.exitCode()).as(mixed.describe()).isEqualTo(1);
        String ours = MIXED_FAILURE.substring(MIXED_FAILURE.indexOf("  FAILED:\n"));
        assertThat(mixed.stderr()).as(mixed.describe()).contains(ours);
    }

    private static String name(Event e) {
        return e.getTestDescriptor().getDisplayName();
    }

    private static String failure(Events tests, String name) {
        return tests.failed().stream().filter(e -> name(e).equals(name)).findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    static class FailingFactory {
        @TestFactory
        Stream<DynamicTest> all() {
            return PromtoolTests.from(FAILING);
        }
    }

    static class FailingAnnotated {
        static int bodyRuns;

        @PromtoolRuleTests("src/test/resources/promtool/failing")
        void all() {
            bodyRuns++;
        }
    }
}
