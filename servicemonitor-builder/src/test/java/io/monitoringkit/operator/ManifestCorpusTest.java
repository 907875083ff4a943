package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The manifest corpus: each file under {@code corpus/valid} is valid; each file under {@code corpus/invalid} breaks
 * one rule and lists the exact violations it must produce in {@code # expect:} lines.
 */
class ManifestCorpusTest {

    static Path corpus(String dir) {
        try {
            return Paths.get(ManifestCorpusTest.class.getResource("/corpus/" + dir).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String dir) {
        try (Stream<Path> s = Files.list(corpus(dir))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusHasAtLeastSixtyManifests() {
        assertThat(files("valid").size() + files("invalid").size()).isGreaterThanOrEqualTo(60);
    }

    @TestFactory
    Stream<DynamicTest> validManifestsHaveNoViolations() {
        return files("valid").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<ManifestCheck> checks = Manifests.check(read(p));
            assertThat(checks).hasSize(1);
            assertThat(checks.get(0).violations()).isEmpty();
            assertThat(checks.get(0).resource()).isPresent();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidManifestsHaveExactlyTheExpectedViolations() {
        return files("invalid").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = read(p);
            List<String> expected = text.lines().filter(l -> l.startsWith("# expect: "))
                    .map(l -> l.substring("# expect: ".length())).toList();
            assertThat(expected).as("expectations of " + p.getFileName()).isNotEmpty();
            List<ManifestCheck> checks = Manifests.check(text);
            assertThat(checks).hasSize(1);
            assertThat(checks.get(0).violations()).map(Violation::toString).as(p.getFileName().toString())
                    .containsExactlyElementsOf(expected);
            assertThat(checks.get(0).resource()).isEmpty();
        }));
    }
}
