package io.monitoringkit.maven;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls monitoring-generate inside the project's class loader and judges the result; JDK types only. */
final class GenerateRun {

    private GenerateRun() {
    }

    /** A setup problem: the project cannot run the generator at all. */
    static final class SetupException extends Exception {
        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether the build fails, and the message listing every reason. */
    record Outcome(boolean failed, String message) {
    }

    static Map<String, String> options(Path out, List<String> definitions, String prometheusVersion,
            List<String> disabledDashboardRules) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("outputDirectory", out.toString());
        options.put("definitions", String.join(",", definitions));
        options.put("prometheusVersion", prometheusVersion == null ? "" : prometheusVersion);
        options.put("disabledDashboardRules", String.join(",", disabledDashboardRules));
        return options;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> invoke(ClassLoader loader, Map<String, String> options) throws SetupException {
        Method run;
        try {
            run = Class.forName(GenerateMojo.ENTRY, true, loader).getMethod("run", Map.class);
        } catch (ClassNotFoundException e) {
            throw new SetupException("io.monitoringkit:monitoring-generate is not on the project's runtime class"
                    + " path: add it as a dependency (the definitions implement its MonitoringDefinition)", e);
        } catch (NoSuchMethodException | LinkageError e) {
            throw new SetupException("the monitoring-generate on the project's class path does not match this plugin ("
                    + e + "); use the same monitoring-kit version for both", e);
        }
        try {
            return (Map<String, Object>) run.invoke(null, options);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SetupException("monitoring generation failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new SetupException("cannot call " + GenerateMojo.ENTRY + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Map<String, Object> result, String key) {
        return (List<String>) result.get(key);
    }

    static Outcome outcome(Map<String, Object> result, boolean failOnWarnings) {
        List<String> problems = strings(result, "problems");
        List<String> findings = strings(result, "findings");
        List<String> errors = strings(result, "errorFindings");
        List<String> definitions = strings(result, "definitions");
        StringBuilder sb = new StringBuilder();
        for (String p : problems) {
            sb.append("\n  ").append(p);
        }
        if (definitions.isEmpty() && problems.isEmpty()) {
            sb.append("\n  no MonitoringDefinition found: list the classes in"
                    + " META-INF/services/io.monitoringkit.generate.MonitoringDefinition or in <definitions>");
        }
        List<String> failing = failOnWarnings ? findings : errors;
        for (String f : failing) {
            sb.append("\n  ").append(f);
        }
        int count = problems.size() + (definitions.isEmpty() && problems.isEmpty() ? 1 : 0) + failing.size();
        if (count == 0) {
            return new Outcome(false, "");
        }
        return new Outcome(true, "monitoring generation found " + count + (count == 1 ? " problem:" : " problems:")
                + sb);
    }
}
