package io.monitoringkit.generate.internal;

import io.monitoringkit.generate.DefinitionLoader;
import io.monitoringkit.generate.Finding;
import io.monitoringkit.generate.GenerationResult;
import io.monitoringkit.generate.Generator;
import io.monitoringkit.generate.MonitoringDefinition;
import io.monitoringkit.grafana.DashboardLinter;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point tools (the Maven plugin, {@code mkit generate}) call by reflection inside a class loader made
 * of the user's class path, so the user's classes and monitoring-kit's see the same versions of everything.
 * Only JDK types cross the class loader boundary.
 *
 * <p>Options: {@code outputDirectory} (required), {@code definitions} (comma-separated class names; empty: the
 * {@link java.util.ServiceLoader}), {@code prometheusVersion}, {@code disabledDashboardRules} (comma-separated),
 * {@code write} ({@code true} by default).
 *
 * <p>Result: {@code definitions}, {@code problems} (definitions that could not be loaded), {@code findings} (each
 * finding's text), {@code errorFindings} (the errors' texts), {@code files} (absolute paths), {@code report}.
 */
public final class IsolatedRun {

    private IsolatedRun() {
    }

    /** Runs the generator on definitions loaded by this class's own loader; see the class comment. */
    public static Map<String, Object> run(Map<String, String> options) {
        return run(options, IsolatedRun.class.getClassLoader());
    }

    /** Runs the generator on definitions loaded by {@code loader}; see the class comment. */
    public static Map<String, Object> run(Map<String, String> options, ClassLoader loader) {
        String names = options.getOrDefault("definitions", "").strip();
        DefinitionLoader.Loaded loaded = names.isEmpty() ? DefinitionLoader.serviceLoader(loader)
                : DefinitionLoader.byName(loader, Arrays.stream(names.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList());
        Generator.Builder b = Generator.builder(Path.of(options.get("outputDirectory")));
        String version = options.getOrDefault("prometheusVersion", "").strip();
        if (!version.isEmpty()) {
            b.prometheusVersion(version);
        }
        String disabled = options.getOrDefault("disabledDashboardRules", "").strip();
        if (!disabled.isEmpty()) {
            b.dashboardLinter(DashboardLinter.defaults().without(Arrays.stream(disabled.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new)));
        }
        b.write(!"false".equals(options.get("write")));
        GenerationResult result = b.build().generate(loaded.definitions());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("definitions", loaded.definitions().stream().map(MonitoringDefinition::name).toList());
        out.put("problems", loaded.problems());
        out.put("findings", result.findings().stream().map(Finding::toString).toList());
        out.put("errorFindings", result.errors().stream().map(Finding::toString).toList());
        out.put("files", result.files().stream().map(p -> p.toAbsolutePath().toString()).toList());
        out.put("report", result.report());
        return out;
    }

    /** @return the strings of a result entry (a helper for callers, who see it as {@code Object}). */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Map<String, Object> result, String key) {
        return (List<String>) result.get(key);
    }
}
