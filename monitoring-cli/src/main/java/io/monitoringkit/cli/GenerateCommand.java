package io.monitoringkit.cli;

import io.monitoringkit.generate.internal.IsolatedRun;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mkit generate --class FQCN [--classpath CP] --out DIR}: what the Maven plugin's {@code generate} goal does,
 * from the command line — runs {@code MonitoringDefinition}s, writes their rule files, manifests, dashboards and
 * Alertmanager configurations under {@code DIR}, validates all of it and lists every finding.
 *
 * <pre>{@code
 * $ mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * $ mkit generate --class com.example.CheckoutMonitoring --classpath "target/classes:$(cat cp.txt)" --out target/monitoring
 * ERROR CheckoutMonitoring rules/checkout.rules.yml [rules]: 5:11: group "checkout", rule 1, ...
 * 6 files in target/monitoring: 1 error, 0 warnings
 * $ echo $?
 * 1
 * }</pre>
 *
 * <p>When the class path holds monitoring-generate (a project's full runtime class path), the definitions run in
 * a class loader of that class path alone, as in the Maven plugin; otherwise (just the project's classes) they run
 * on top of mkit's own libraries.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        description = {"Run MonitoringDefinitions and write what they define (rules/, manifests/, dashboards/, "
                + "alertmanager/) under the output directory; validate rule files as 'mkit rules check', manifests as "
                + "'mkit manifests validate', dashboards with the linter, Alertmanager configurations as amtool, and "
                + "queries against the definition's metric catalog; print every finding.",
                "Exit codes: 0 no errors (warnings allowed), 1 errors found or a definition could not be loaded, "
                        + "2 invalid usage."})
final class GenerateCommand implements Callable<Integer> {

    private static final String ENTRY = "io.monitoringkit.generate.internal.IsolatedRun";

    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "FQCN",
            description = "A MonitoringDefinition class (repeatable); without it, those listed in "
                    + "META-INF/services/io.monitoringkit.generate.MonitoringDefinition on the class path.")
    List<String> classes = new ArrayList<>();

    @Option(names = {"--classpath", "-cp"}, paramLabel = "CP",
            description = "Where the definitions are: directories and jars separated by ':' (';' on Windows).")
    String classpath;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory.")
    Path out;

    @Option(names = "--prometheus-version", paramLabel = "VERSION",
            description = "The Prometheus version rule files are checked for (e.g. 2.42).")
    String prometheusVersion;

    @Option(names = "--disable-dashboard-rule", paramLabel = "RULE",
            description = "A dashboard linter rule to turn off, e.g. panel-units (repeatable).")
    List<String> disabledDashboardRules = new ArrayList<>();

    @Option(names = "--check-only", description = "Validate without writing files.")
    boolean checkOnly;

    @Option(names = "--fail-on-warnings", description = "Exit with 1 on warnings too.")
    boolean failOnWarnings;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Map<String, String> options = options();

        List<URL> urls = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path p = Path.of(entry);
                if (!Files.exists(p)) {
                    stderr.println("mkit generate: class path entry " + entry + " does not exist");
                    stderr.flush();
                    return 2;
                }
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    stderr.println("mkit generate: class path entry " + entry + ": " + e.getMessage());
                    stderr.flush();
                    return 2;
                }
            }
        }
        Map<String, Object> result;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
             URLClassLoader layered = new URLClassLoader(urls.toArray(new URL[0]), GenerateCommand.class.getClassLoader())) {
            Method run = isolatedEntry(isolated);
            if (run != null) {
                thread.setContextClassLoader(isolated);
                result = invoke(run);
            } else {
                ClassLoader loader = urls.isEmpty() ? GenerateCommand.class.getClassLoader() : layered;
                thread.setContextClassLoader(loader);
                result = IsolatedRun.run(options, loader);
            }
        } catch (IllegalArgumentException e) {
            stderr.println("mkit generate: " + e.getMessage());
            stderr.flush();
            return 2;
        } finally {
            thread.setContextClassLoader(previous);
        }
        return report(result, stdout);
    }

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("outputDirectory", out.toString());
        options.put("definitions", String.join(",", classes));
        options.put("prometheusVersion", prometheusVersion == null ? "" : prometheusVersion);
        options.put("disabledDashboardRules", String.join(",", disabledDashboardRules));
        options.put("write", Boolean.toString(!checkOnly));
        return options;
    }

    private static Method isolatedEntry(ClassLoader isolated) {
        try {
            return Class.forName(ENTRY, true, isolated).getMethod("run", Map.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoke(Method run) {
        try {
            return (Map<String, Object>) run.invoke(null, options());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private int report(Map<String, Object> result, PrintWriter stdout) {
        List<String> problems = IsolatedRun.strings(result, "problems");
        List<String> definitions = IsolatedRun.strings(result, "definitions");
        for (String p : problems) {
            stdout.println("ERROR " + p);
        }
        if (definitions.isEmpty() && problems.isEmpty()) {
            stdout.println("ERROR no MonitoringDefinition found: name one with --class, or list it in "
                    + "META-INF/services/io.monitoringkit.generate.MonitoringDefinition on the class path");
        }
        stdout.print(result.get("report"));
        stdout.flush();
        boolean failed = !problems.isEmpty() || definitions.isEmpty()
                || !IsolatedRun.strings(result, failOnWarnings ? "findings" : "errorFindings").isEmpty();
        return failed ? Mkit.EXIT_PROBLEMS : 0;
    }
}
