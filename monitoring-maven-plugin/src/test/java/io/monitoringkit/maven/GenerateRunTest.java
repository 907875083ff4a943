package io.monitoringkit.maven;

import io.monitoringkit.generate.MonitoringDefinition;
import io.monitoringkit.generate.MonitoringOutput;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RecordingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateRunTest {

    @TempDir
    Path dir;

    /** A definition the isolated class loader finds by name. */
    public static final class Valid implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFile("api", RuleFile.of(List.of(RuleGroup.builder("api")
                    .rule(RecordingRule.of("job:up:sum", "sum by (job) (up)")).build())));
        }
    }

    /** A definition with an invalid rule file. */
    public static final class Invalid implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFileYaml("broken", "groups:\n- name: api\n  rules:\n  - record: x\n    expr: rate(x[5m]\n");
        }
    }

    /** The test class path without the JDK's parent: what the Mojo builds from the project's runtime class path. */
    private static URLClassLoader isolated() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(e).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void runsNamedDefinitionsInTheIsolatedClassLoaderAndPassesWhenClean() throws Exception {
        try (URLClassLoader loader = isolated()) {
            Map<String, Object> result = GenerateRun.invoke(loader,
                    GenerateRun.options(dir, List.of(Valid.class.getName()), "2.42", List.of()));
            assertThat(GenerateRun.strings(result, "definitions")).containsExactly("Valid");
            assertThat(GenerateRun.strings(result, "files")).containsExactly(dir.resolve("rules/api.rules.yml").toString());
            assertThat(GenerateRun.outcome(result, false)).isEqualTo(new GenerateRun.Outcome(false, ""));
        }
        assertThat(dir.resolve("rules/api.rules.yml")).isRegularFile();
    }

    @Test
    void failsListingEveryFindingAndEveryClassItCouldNotLoad() throws Exception {
        try (URLClassLoader loader = isolated()) {
            Map<String, Object> result = GenerateRun.invoke(loader, GenerateRun.options(dir,
                    List.of(Invalid.class.getName(), "com.example.Missing"), "", List.of()));
            GenerateRun.Outcome outcome = GenerateRun.outcome(result, false);
            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.message()).isEqualTo("""
                    monitoring generation found 2 problems:
                      class com.example.Missing was not found on the class path
                      ERROR Invalid rules/broken.rules.yml [rules]: 5:11: group "api", rule 1, "x": could not parse \
                    expression: 1:11: unclosed left parenthesis""");
        }
    }

    @Test
    void failsWhenNoDefinitionIsFound() {
        Map<String, Object> empty = Map.of("definitions", List.of(), "problems", List.of(), "findings", List.of(),
                "errorFindings", List.of(), "files", List.of());
        assertThat(GenerateRun.outcome(empty, false).message()).isEqualTo("""
                monitoring generation found 1 problem:
                  no MonitoringDefinition found: list the classes in \
                META-INF/services/io.monitoringkit.generate.MonitoringDefinition or in <definitions>""");
    }

    @Test
    void warningsFailOnlyWhenAsked() {
        Map<String, Object> warned = Map.of("definitions", List.of("api"), "problems", List.of(),
                "findings", List.of("WARNING api dashboards/api.json [dashboards]: panel-units ..."),
                "errorFindings", List.of(), "files", List.of());
        assertThat(GenerateRun.outcome(warned, false).failed()).isFalse();
        assertThat(GenerateRun.outcome(warned, true).message()).isEqualTo("""
                monitoring generation found 1 problem:
                  WARNING api dashboards/api.json [dashboards]: panel-units ...""");
    }

    @Test
    void saysWhatToAddWhenTheProjectLacksMonitoringGenerate() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> GenerateRun.invoke(bare, GenerateRun.options(dir, List.of(), "", List.of())))
                    .isInstanceOf(GenerateRun.SetupException.class)
                    .hasMessage("io.monitoringkit:monitoring-generate is not on the project's runtime class path: add"
                            + " it as a dependency (the definitions implement its MonitoringDefinition)");
        }
    }
}
