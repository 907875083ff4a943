package io.monitoringkit.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Generator} run produced: the artifacts, where they were written, and every finding.
 *
 * <pre>{@code
 * GenerationResult result = generator.generate(definitions);
 * if (result.hasErrors()) {
 *     System.err.print(result.report());
 * }
 * }</pre>
 *
 * @param outputDirectory where the files were written
 * @param artifacts every artifact, in the order the definitions added them
 * @param findings every problem, errors and warnings, in the order of the definitions and their artifacts
 */
public record GenerationResult(Path outputDirectory, List<Artifact> artifacts, List<Finding> findings) {

    /** Copies the lists. */
    public GenerationResult {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        artifacts = List.copyOf(artifacts);
        findings = List.copyOf(findings);
    }

    /** @return whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** @return the errors. */
    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    /** @return the warnings. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** @return the written files' paths. */
    public List<Path> files() {
        return artifacts.stream().map(a -> outputDirectory.resolve(a.path())).toList();
    }

    /**
     * @return one line per finding, then a summary: {@code 7 files in target/monitoring: 2 errors, 1 warning}
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f).append('\n');
        }
        int e = errors().size();
        int w = findings.size() - e;
        sb.append(artifacts.size()).append(artifacts.size() == 1 ? " file in " : " files in ").append(outputDirectory)
                .append(": ").append(e).append(e == 1 ? " error, " : " errors, ").append(w)
                .append(w == 1 ? " warning" : " warnings").append('\n');
        return sb.toString();
    }
}
