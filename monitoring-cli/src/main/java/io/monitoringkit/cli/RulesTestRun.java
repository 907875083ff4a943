package io.monitoringkit.cli;

import io.monitoringkit.engine.ruletest.RuleTestReport;
import io.monitoringkit.engine.ruletest.RuleTestRunner;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The work of {@code mkit rules test}, shared by {@link RulesTestCommand} (picocli) and {@link Mkit}'s fast path,
 * which runs the plainest invocation, {@code mkit rules test FILE...}, without building picocli's model of every
 * command: that model costs a good part of a short run's start-up. Both give the same output and exit codes.
 */
final class RulesTestRun {
    private RulesTestRun() {
    }

    /**
     * The files of {@code rules test FILE...} when {@code args} is exactly that and picocli would read it the same way
     * (no option, no {@code @argfile}, no {@code --}, every path valid); empty otherwise, and picocli then parses.
     */
    static Optional<List<Path>> plainInvocation(String... args) {
        if (args.length < 3 || !args[0].equals("rules") || !args[1].equals("test")) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>(args.length - 2);
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                return Optional.empty();
            }
            try {
                files.add(Path.of(a));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.of(files);
    }

    /** Runs the test files, as {@code mkit rules test [--run REGEX]... FILE...}, and returns the exit code. */
    static int run(List<String> run, List<Path> files, PrintWriter out, PrintWriter err) {
        for (Path f : files) {
            if (!Files.exists(f)) {
                err.print("mkit: error: path '" + f + "' does not exist\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
            if (Files.isDirectory(f)) {
                err.print("mkit: error: '" + f + "' is a directory\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
        }
        RuleTestRunner.Builder builder = RuleTestRunner.builder();
        for (String r : run) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                err.print("mkit: error: --run " + r + ": " + e.getDescription() + "\n");
                err.flush();
                return Mkit.EXIT_PROBLEMS;
            }
        }
        builder.run(run.toArray(new String[0]));
        RuleTestRunner runner = builder.build();
        boolean passed = true;
        for (Path f : files) {
            RuleTestReport one = new RuleTestReport(List.of(runner.run(f)));
            one.writeTo(out, err);
            passed &= one.passed();
        }
        return passed ? 0 : Mkit.EXIT_PROBLEMS;
    }
}
