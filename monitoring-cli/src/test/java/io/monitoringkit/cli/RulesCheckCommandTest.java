package io.monitoringkit.cli;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCheckCommandTest {

    private static final String GOOD = "groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: up\n";
    private static final String BAD = "groups:\n- name: g\n  rules:\n  - record: 'bad name'\n    expr: sum(up\n";
    private static final String GROUP_LABELS = "groups:\n- name: g\n  labels:\n    team: web\n  rules: []\n";

    @Test
    void reportsSuccessPerFileAndExitsZero(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.yml"), GOOD);
        CliRun run = CliRun.mkit("rules", "check", good.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Checking " + good + "\n  SUCCESS: 1 rules found\n\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void reportsEveryProblemOfABadFileAndExitsOne(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.yml"), GOOD);
        Path bad = Files.writeString(dir.resolve("bad.yml"), BAD);
        CliRun run = CliRun.mkit("rules", "check", "--prometheus-version", "2.42", good.toString(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Checking " + good + "\n  SUCCESS: 1 rules found\n\nChecking " + bad + "\n");
        assertThat(run.err()).isEqualTo("  FAILED:\n"
                + bad + ":5:11: group \"g\", rule 1, \"bad name\": could not parse expression: 1:7: "
                + "unclosed left parenthesis\n"
                + bad + ":4:13: group \"g\", rule 1, \"bad name\": invalid recording rule name: bad name\n\n");
    }

    @Test
    void targetsAPrometheusVersion(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("labels.yml"), GROUP_LABELS);
        assertThat(CliRun.mkit("rules", "check", f.toString()).exitCode()).isZero();
        CliRun old = CliRun.mkit("rules", "check", "--prometheus-version", "2.42", f.toString());
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.err()).contains("field labels not found in type rulefmt.RuleGroup");
    }

    @Test
    void aMissingFileFailsItsCheck(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yml");
        CliRun run = CliRun.mkit("rules", "check", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("  FAILED:\n" + missing + ": no such file or directory\n\n");
    }

    @Test
    void withoutFilesItIsAUsageError() {
        assertThat(CliRun.mkit("rules", "check").exitCode()).isEqualTo(2);
    }

    @Test
    void exitCodesEqualPromtools(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.locate(); // skips loudly when promtool is absent
        Files.writeString(dir.resolve("good.yml"), GOOD);
        Files.writeString(dir.resolve("bad.yml"), BAD);
        Files.writeString(dir.resolve("labels.yml"), GROUP_LABELS);
        for (List<String> files : List.of(List.of("good.yml"), List.of("bad.yml"), List.of("labels.yml"),
                List.of("good.yml", "bad.yml"))) {
            CommandResult theirs = promtool.inDirectory(dir).checkRules(files.stream().map(Path::of).toList());
            String[] args = new String[3 + files.size()];
            args[0] = "rules";
            args[1] = "check";
            args[2] = "--prometheus-version=2.42";
            for (int i = 0; i < files.size(); i++) {
                args[3 + i] = dir.resolve(files.get(i)).toString();
            }
            assertThat(CliRun.mkit(args).exitCode()).as("exit code for %s", files).isEqualTo(theirs.exitCode());
        }
    }
}
