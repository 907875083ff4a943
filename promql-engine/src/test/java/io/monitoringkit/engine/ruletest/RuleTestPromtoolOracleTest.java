package io.monitoringkit.engine.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.testkit.CommandResult;
import io.monitoringkit.testkit.Promtool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the real promtool ({@code test rules}, one process for the whole corpus) and {@link RuleTestRunner} on every
 * corpus file and requires the same verdict per file and, per failure, the same check (alert name and time, PromQL
 * expression and time, failing rule and time) in the same order. For alert and sample mismatches the whole message
 * (expected and got, as promtool renders them) must be equal too. The wording of load and syntax errors is ours
 * (it names file, line and field), so only their presence is compared. Skipped with a message without promtool.
 */
class RuleTestPromtoolOracleTest {

    @Test
    void everyCorpusFileGetsPromtoolsVerdictAndFailures() {
        Promtool promtool = Promtool.locate();   // skips loudly when promtool is absent
        Path dir = RuleTestCorpus.directory();
        List<RuleTestCorpus.Entry> corpus = RuleTestCorpus.entries();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);

        List<Path> names = corpus.stream().map(e -> dir.relativize(e.path())).toList();
        CommandResult r = promtool.inDirectory(dir).testRules(names);
        PromtoolTestOutput.RunOutput run = PromtoolTestOutput.parse(r.stdout(), r.stderr());
        Map<String, PromtoolTestOutput.FileOutput> theirs = run.files();
        assertThat(theirs.keySet()).as("files promtool reported").hasSize(corpus.size());

        RuleTestRunner runner = RuleTestRunner.create();
        List<String> differences = new ArrayList<>();
        List<String> ourWarnings = new ArrayList<>();
        int failures = 0;
        int exact = 0;
        boolean anyFailed = false;
        for (RuleTestCorpus.Entry e : corpus) {
            PromtoolTestOutput.FileOutput expected = theirs.get(e.name());
            RuleTestResult ours = runner.run(e.path());
            anyFailed |= !ours.passed();
            if (ours.passed() != expected.passed()) {
                differences.add(e.name() + ": promtool " + verdict(expected.passed()) + ", we "
                        + verdict(ours.passed()) + "\n" + ours.render());
                continue;
            }
            List<String> ourMessages = ours.failureMessages();
            List<String> ourKeys = ourMessages.stream().map(RuleTestCorpus::key).toList();
            List<String> theirKeys = expected.messages().stream().map(RuleTestCorpus::key).toList();
            if (!ourKeys.equals(theirKeys)) {
                differences.add(e.name() + ": failures differ\n  promtool: " + theirKeys + "\n  ours:     " + ourKeys);
                continue;
            }
            for (int i = 0; i < ourMessages.size(); i++) {
                failures++;
                String key = ourKeys.get(i);
                boolean mismatch = key.startsWith("alert ") || (key.startsWith("expr ") && !key.endsWith(" error"));
                if (mismatch) {
                    exact++;
                    if (!ourMessages.get(i).equals(expected.messages().get(i))) {
                        differences.add(e.name() + ": message " + i + " differs\n--- promtool:\n"
                                + expected.messages().get(i) + "\n--- ours:\n" + ourMessages.get(i));
                    }
                }
            }
            ours.warnings().forEach(w -> ourWarnings.add(w.replace(dir + "/", "")));
        }
        assertThat(ourWarnings).as("warnings").isEqualTo(run.warnings());
        System.out.printf("rule test corpus: %d files (%d pass, %d fail), %d failures compared with promtool %s,"
                        + " %d of them message for message%n", corpus.size(),
                theirs.values().stream().filter(PromtoolTestOutput.FileOutput::passed).count(),
                theirs.values().stream().filter(f -> !f.passed()).count(), failures, promtool.version(), exact);
        assertThat(differences).as("differences from promtool").isEmpty();
        assertThat(r.exitCode()).isEqualTo(anyFailed ? 1 : 0);
    }

    private static String verdict(boolean passed) {
        return passed ? "SUCCESS" : "FAILED";
    }
}
