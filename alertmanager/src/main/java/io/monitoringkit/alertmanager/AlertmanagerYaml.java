package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.internal.YamlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@code alertmanager.yml}.
 *
 * <p>Writing uses a stable field order (Alertmanager's own) and quotes strings YAML would read as another type,
 * so the file reads back to an equal configuration. Reading is strict like Alertmanager's: unknown fields and
 * wrongly shaped values are problems, each with its field path, and then the whole configuration is validated.
 *
 * <pre>{@code
 * String yaml = AlertmanagerYaml.write(config);
 * AlertmanagerConfig back = AlertmanagerYaml.read(yaml);        // throws AlertmanagerConfigException
 * List<ConfigProblem> problems = AlertmanagerYaml.check(Files.readString(path));   // amtool check-config
 * }</pre>
 */
public final class AlertmanagerYaml {
    private AlertmanagerYaml() {
    }

    /** {@code config} as {@code alertmanager.yml} text (secrets included: it is the real file). */
    public static String write(AlertmanagerConfig config) {
        return YamlWriter.write(YamlWriter.tree(config));
    }

    /**
     * Reads and validates a configuration.
     *
     * @throws AlertmanagerConfigException listing every problem, structural ones (unknown fields) first
     */
    public static AlertmanagerConfig read(String yaml) {
        YamlReader.Result result = YamlReader.read(yaml);
        List<ConfigProblem> problems = new ArrayList<>(result.problems());
        if (result.config() != null) {
            problems.addAll(result.config().validate());
        }
        if (!problems.isEmpty()) {
            throw new AlertmanagerConfigException(problems);
        }
        return result.config();
    }

    /** Reads and validates the file at {@code path} (UTF-8). */
    public static AlertmanagerConfig read(Path path) {
        return read(readFile(path));
    }

    /**
     * Every problem of a configuration text, as {@code amtool check-config} judges it (empty: valid): YAML
     * syntax, unknown fields, then {@link AlertmanagerConfig#validate()}.
     */
    public static List<ConfigProblem> check(String yaml) {
        YamlReader.Result result = YamlReader.read(yaml);
        List<ConfigProblem> problems = new ArrayList<>(result.problems());
        if (result.config() != null) {
            problems.addAll(result.config().validate());
        }
        return List.copyOf(problems);
    }

    /**
     * Reads a configuration without validating its values (only the YAML structure must be right), e.g. to
     * route test alerts through a configuration that has other problems.
     *
     * @throws AlertmanagerConfigException when the text is not YAML or has unknown fields
     */
    public static AlertmanagerConfig readUnvalidated(String yaml) {
        YamlReader.Result result = YamlReader.read(yaml);
        if (!result.problems().isEmpty()) {
            throw new AlertmanagerConfigException(result.problems());
        }
        return result.config();
    }

    static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
