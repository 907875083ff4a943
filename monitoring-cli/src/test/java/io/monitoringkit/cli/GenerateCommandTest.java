package io.monitoringkit.cli;

import io.monitoringkit.generate.MonitoringDefinition;
import io.monitoringkit.generate.MonitoringOutput;
import io.monitoringkit.rules.RecordingRule;
import io.monitoringkit.rules.RuleFile;
import io.monitoringkit.rules.RuleGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.monitoringkit.cli.CliRun.mkit;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    @TempDir
    Path dir;

    public static final class Valid implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFile("api", RuleFile.of(List.of(RuleGroup.builder("api")
                    .rule(RecordingRule.of("job:up:sum", "sum by (job) (up)")).build())));
        }
    }

    public static final class Broken implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
            out.ruleFileYaml("broken", "groups:\n- name: api\n  rules:\n  - record: x\n    expr: rate(x[5m]\n")
                    .alertmanagerYaml("alertmanager", "route:\n  receiver: nobody\nreceivers:\n- name: team\n");
        }
    }

    @Test
    void writesAndValidatesANamedDefinitionFromMkitsOwnClassPath() throws Exception {
        Path out = dir.resolve("monitoring");
        CliRun run = mkit("generate", "--class", Valid.class.getName(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("1 file in " + out + ": 0 errors, 0 warnings\n");
        assertThat(Files.readString(out.resolve("rules/api.rules.yml"))).contains("record: \"job:up:sum\"");
    }

    @Test
    void listsEveryFindingAndExitsWithOne() {
        CliRun run = mkit("generate", "--class", Broken.class.getName(), "--class", "com.example.Missing",
                "--out", dir.toString(), "--check-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                ERROR class com.example.Missing was not found on the class path
                ERROR Broken rules/broken.rules.yml [rules]: 5:11: group "api", rule 1, "x": could not parse \
                expression: 1:11: unclosed left parenthesis
                ERROR Broken alertmanager/alertmanager.yml [alertmanager]: route.receiver: undefined receiver \
                "nobody" used in route
                2 files in %s: 2 errors, 0 warnings
                """.formatted(dir));
        assertThat(dir.resolve("rules")).doesNotExist();
    }

    @Test
    void loadsDefinitionsFromTheGivenClassPathOnTopOfMkitsLibraries() throws Exception {
        Path src = dir.resolve("src/com/example/Shop.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;
                public final class Shop implements io.monitoringkit.generate.MonitoringDefinition {
                    public void define(io.monitoringkit.generate.MonitoringOutput out) {
                        out.ruleFileYaml("shop", "groups:\\n- name: shop\\n  rules:\\n  - record: job:up:sum\\n    expr: sum by (job) (up)\\n");
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(compiled).as(diagnostics.toString()).isZero();

        Path out = dir.resolve("out");
        CliRun run = mkit("generate", "--class", "com.example.Shop", "--classpath", classes.toString(),
                "--out", out.toString(), "--prometheus-version", "2.42");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(out.resolve("rules/shop.rules.yml")).isRegularFile();

        // a full class path (holding monitoring-generate): the definitions run in a class loader of it alone
        Path isolated = dir.resolve("isolated");
        CliRun full = mkit("generate", "--class", "com.example.Shop", "--classpath",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), "--out", isolated.toString());
        assertThat(full.exitCode()).as(full.out() + full.err()).isZero();
        assertThat(isolated.resolve("rules/shop.rules.yml")).isRegularFile();
    }

    @Test
    void rejectsAClassPathEntryThatDoesNotExist() {
        CliRun run = mkit("generate", "--classpath", dir.resolve("nope").toString(), "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("mkit generate: class path entry " + dir.resolve("nope") + " does not exist\n");
    }

    @Test
    void saysHowToNameDefinitionsWhenNoneIsFound() {
        CliRun run = mkit("generate", "--out", dir.toString(), "--check-only");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("ERROR no MonitoringDefinition found: name one with --class, or list it in"
                + " META-INF/services/io.monitoringkit.generate.MonitoringDefinition on the class path\n");
    }

    @Test
    void requiresAnOutputDirectory() {
        CliRun run = mkit("generate", "--class", Valid.class.getName());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required option: '--out=DIR'");
    }
}
