package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromqlTestScriptsTest {

    @Test
    void readsEveryEvalFormAndItsFailureExpectations(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.test");
        Files.writeString(f, """
                # comment
                load 1m
                  up 1 2 3

                eval instant at 1m sum by (job) (up)
                  {job="a"} 1

                eval range from 0 to 3m step 1m rate(up[5m])
                  expect no_warn
                  {} 0 0 0 0

                eval_fail instant at 0 -{job="api"}

                 eval instant at 5m ceil({__name__=~'a|b'})
                  expect fail msg: "vector cannot contain metrics with the same labelset"

                eval instant at 0 label_replace(up, "a", "b", "c", "(.*")
                  expect fail regex: invalid regular .*

                eval_ordered instant at 50m sort(up)
                  expected_fail_message old style
                """, StandardCharsets.UTF_8);

        List<PromqlTestScripts.Eval> evals = PromqlTestScripts.evals(f);

        assertThat(evals).extracting(PromqlTestScripts.Eval::expr).containsExactly(
                "sum by (job) (up)", "rate(up[5m])", "-{job=\"api\"}", "ceil({__name__=~'a|b'})",
                "label_replace(up, \"a\", \"b\", \"c\", \"(.*\")", "sort(up)");
        assertThat(evals).extracting(PromqlTestScripts.Eval::line).containsExactly(5, 8, 12, 14, 17, 20);
        assertThat(evals).extracting(PromqlTestScripts.Eval::expectFail)
                .containsExactly(false, false, true, true, true, true);
        assertThat(evals.get(3).failMessage()).contains("vector cannot contain metrics with the same labelset");
        assertThat(evals.get(4).failRegex().orElseThrow().pattern()).isEqualTo("invalid regular .*");
        assertThat(evals.get(5).variant()).isEqualTo("eval_ordered");
        assertThat(evals.get(5).failMessage()).contains("old style");
    }

    @Test
    void findsAsManyEvalsInTheReferenceScriptsAsThereAreEvalLines() throws IOException {
        Optional<Path> dir = PromqlTestScripts.directory();
        assumeTrue(dir.isPresent(), "SKIPPED: reference data absent (system property monitoringkit.shared)");
        long lines = 0;
        int evals = 0;
        for (Path f : PromqlTestScripts.files(dir.get())) {
            lines += Files.readAllLines(f).stream().filter(l -> l.strip().startsWith("eval")).count();
            evals += PromqlTestScripts.evals(f).size();
        }
        assertThat(evals).isEqualTo(lines).isGreaterThan(2000);
    }
}
