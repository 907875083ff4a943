package io.monitoringkit.test.internal;

import io.monitoringkit.engine.ruletest.RuleTestFailure;
import io.monitoringkit.engine.ruletest.RuleTestFile;
import io.monitoringkit.engine.ruletest.RuleTestFileException;
import io.monitoringkit.engine.ruletest.RuleTestResult;
import io.monitoringkit.engine.ruletest.RuleTestRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds promtool rule test files and turns each test group into a runnable case, for {@code PromtoolTests} and
 * {@code @PromtoolRuleTests}. Each file runs once (when its first case runs), and each case reports its own
 * failures in promtool's text.
 *
 * <pre>{@code
 * for (PromtoolCases.Case c : PromtoolCases.find(Path.of("src/test/rules"))) {
 *     c.displayName();   // api.test.yml › high error rate
 *     c.run();           // throws AssertionError with promtool's failure text
 * }
 * }</pre>
 */
public final class PromtoolCases {
    /** What marks a YAML file as a promtool test file: a top-level {@code tests} or {@code rule_files} key. */
    private static final Pattern TEST_FILE = Pattern.compile("(?m)^(tests|rule_files)\\s*:");

    private PromtoolCases() {
    }

    /**
     * One test group of one file.
     *
     * @param displayName {@code file › name}
     * @param source the test file's URI
     * @param check runs the case
     */
    public record Case(String displayName, URI source, Runnable check) {
        /** Runs the case; throws an {@link AssertionError} with promtool's failure text when it fails. */
        public void run() {
            check.run();
        }
    }

    /**
     * @param directory a directory searched recursively for {@code *.yml} and {@code *.yaml} files with a top-level
     *     {@code tests} or {@code rule_files} key (rule files in the same tree are not test files)
     * @return the cases of every test file, files in path order
     * @throws IllegalArgumentException when {@code directory} is not a directory or holds no test file
     */
    public static List<Case> find(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory.toAbsolutePath() + " is not a directory of promtool rule "
                    + "test files");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(PromtoolCases::isTestFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no promtool rule test files in " + directory.toAbsolutePath()
                    + ": a test file is a .yml or .yaml file with a top-level tests: or rule_files: key");
        }
        RuleTestRunner runner = RuleTestRunner.create();
        List<Case> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(cases(runner, f, directory.relativize(f).toString().replace('\\', '/')));
        }
        return out;
    }

    /**
     * @param files promtool rule test files
     * @return the cases of the files, in the order given
     */
    public static List<Case> of(List<Path> files) {
        RuleTestRunner runner = RuleTestRunner.create();
        List<Case> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(cases(runner, f, f.toString().replace('\\', '/')));
        }
        return out;
    }

    private static boolean isTestFile(Path p) {
        try {
            return TEST_FILE.matcher(Files.readString(p, StandardCharsets.UTF_8)).find();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static List<Case> cases(RuleTestRunner runner, Path file, String name) {
        URI uri = file.toAbsolutePath().toUri();
        RuleTestFile parsed;
        try {
            parsed = RuleTestFile.read(file);
        } catch (RuleTestFileException e) {
            String text = String.join("\n", e.problems());
            return List.of(new Case(name, uri, () -> {
                throw new AssertionError(header(file) + text);
            }));
        } catch (UncheckedIOException e) {
            return List.of(new Case(name, uri, () -> {
                throw new AssertionError(header(file) + e.getMessage());
            }));
        }
        Memo memo = new Memo(runner, parsed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < parsed.tests().size(); i++) {
            String group = parsed.tests().get(i).name();
            int index = i;
            out.add(new Case(name + " › " + (group.isEmpty() ? "tests[" + i + "]" : group), uri,
                    () -> check(file, memo.result(), index)));
        }
        if (out.isEmpty()) {
            // promtool passes a file without tests, unless its rule files do not load
            out.add(new Case(name, uri, () -> check(file, memo.result(), -1)));
        }
        return out;
    }

    private static void check(Path file, RuleTestResult result, int index) {
        List<String> messages = new ArrayList<>(result.fileErrors());
        for (RuleTestResult.TestCaseResult t : result.testCases()) {
            if (t.index() == index) {
                for (RuleTestFailure f : t.failures()) {
                    messages.add(f.message());
                }
            }
        }
        if (!messages.isEmpty()) {
            throw new AssertionError(header(file) + String.join("\n", messages));
        }
    }

    private static String header(Path file) {
        return "Unit Testing:  " + file + "\n  FAILED:\n";
    }

    /** Runs a file once, when its first case runs. */
    private static final class Memo {
        private final RuleTestRunner runner;
        private final RuleTestFile file;
        private RuleTestResult result;

        Memo(RuleTestRunner runner, RuleTestFile file) {
            this.runner = runner;
            this.file = file;
        }

        synchronized RuleTestResult result() {
            if (result == null) {
                result = runner.run(file);
            }
            return result;
        }
    }
}
