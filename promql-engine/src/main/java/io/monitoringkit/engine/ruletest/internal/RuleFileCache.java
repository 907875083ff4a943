package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.rules.RuleCheck;
import io.monitoringkit.rules.RuleFiles;
import io.monitoringkit.rules.RuleGroup;
import io.monitoringkit.rules.RuleProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a test file's {@code rule_files} (relative to the test file, Go globs) and reads them with
 * monitoring-api's rules reader (rule files and PrometheusRule manifests), remembering each file while its size
 * and modification time stay the same, so suites sharing rule files read them once.
 */
public final class RuleFileCache {

    /**
     * The rules of one test file.
     *
     * @param groups every group of every matched file, in file order
     * @param errors load errors, promtool-shaped ({@code FILE: LINE:COL: group "g", rule 1, "x": ...})
     * @param warnings e.g. {@code no file match pattern rules/*.yml}
     */
    public record Loaded(List<RuleGroup> groups, List<String> errors, List<String> warnings) {
    }

    private record Entry(long size, long modified, RuleCheck check, String readError) {
    }

    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    /** Loads the rule files of the test file at {@code testFile}. */
    public Loaded load(Path testFile, List<String> patterns) {
        Path base = testFile.getParent() == null ? Path.of("") : testFile.getParent();
        List<RuleGroup> groups = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String rf : patterns) {
            String pattern = rf.isEmpty() || Path.of(rf).isAbsolute() ? rf : base.resolve(rf).normalize().toString();
            List<Path> matches;
            try {
                matches = pattern.isEmpty() ? List.of() : GoGlob.glob(pattern);
            } catch (IllegalArgumentException e) {
                return new Loaded(List.of(), List.of(e.getMessage()), warnings);
            }
            if (matches.isEmpty()) {
                warnings.add("no file match pattern " + pattern);
            }
            for (Path p : matches) {
                Entry e = read(p);
                if (e.readError() != null) {
                    errors.add(e.readError());
                    continue;
                }
                for (RuleProblem problem : e.check().errors()) {
                    errors.add(promtoolShape(problem));
                }
                if (e.check().isValid()) {
                    groups.addAll(e.check().groups());
                }
            }
        }
        return new Loaded(List.copyOf(groups), List.copyOf(errors), List.copyOf(warnings));
    }

    private Entry read(Path p) {
        Path key = p.toAbsolutePath().normalize();
        long size = -1;
        long modified = -1;
        try {
            BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
            size = a.size();
            modified = a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            // reported by the read below
        }
        Entry cached = cache.get(key);
        if (cached != null && cached.size() == size && cached.modified() == modified && size >= 0) {
            return cached;
        }
        Entry e;
        try {
            String yaml = Files.readString(key, StandardCharsets.UTF_8);
            e = new Entry(size, modified, RuleFiles.check(yaml, p.toString()), null);
        } catch (IOException x) {
            e = new Entry(size, modified, null, p + ": error reading rule file: " + x.getMessage());
        }
        cache.put(key, e);
        return e;
    }

    /** promtool's test runner prints {@code FILE: LINE:COL: ...} (rule loading), not {@code FILE:LINE:COL: ...}. */
    static String promtoolShape(RuleProblem p) {
        String s = p.toString();
        String prefix = p.file() + ":";
        if (p.line() > 0 && s.startsWith(prefix)) {
            return p.file() + ": " + s.substring(prefix.length());
        }
        return s;
    }
}
