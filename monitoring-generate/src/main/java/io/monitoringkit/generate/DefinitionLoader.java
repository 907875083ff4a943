package io.monitoringkit.generate;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds {@link MonitoringDefinition}s: with {@link ServiceLoader} on a class loader, or by class name. Problems
 * (a class that is missing, is not a definition, or cannot be instantiated) are collected, not thrown one by one.
 *
 * <pre>{@code
 * DefinitionLoader.Loaded loaded = DefinitionLoader.byName(classLoader, List.of("com.example.CheckoutMonitoring"));
 * loaded.problems();     // e.g. [class com.example.Nope was not found on the class path]
 * generator.generate(loaded.definitions());
 * }</pre>
 */
public final class DefinitionLoader {

    private DefinitionLoader() {
    }

    /**
     * What was loaded and what went wrong.
     *
     * <pre>{@code
     * Loaded loaded = DefinitionLoader.serviceLoader(classLoader);
     * if (!loaded.problems().isEmpty()) { ... }
     * }</pre>
     *
     * @param definitions the definitions, in the order found
     * @param problems one message per class that could not be used
     */
    public record Loaded(List<MonitoringDefinition> definitions, List<String> problems) {
        /** Copies the lists. */
        public Loaded {
            definitions = List.copyOf(definitions);
            problems = List.copyOf(problems);
        }
    }

    /** @return the definitions listed in {@code META-INF/services/io.monitoringkit.generate.MonitoringDefinition}. */
    public static Loaded serviceLoader(ClassLoader classLoader) {
        List<MonitoringDefinition> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var it = ServiceLoader.load(MonitoringDefinition.class, classLoader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                problems.add(Generator.describe(e));
            }
        }
        return new Loaded(found, problems);
    }

    /** @return the named classes, instantiated with their public no-argument constructors. */
    public static Loaded byName(ClassLoader classLoader, List<String> classNames) {
        List<MonitoringDefinition> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c;
            try {
                c = Class.forName(name.strip(), true, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("class " + name + " was not found on the class path"
                        + (e instanceof ClassNotFoundException ? "" : ": " + Generator.describe(e)));
                continue;
            } catch (RuntimeException e) {
                problems.add("class " + name + " failed to initialize: " + Generator.describe(e));
                continue;
            }
            if (!MonitoringDefinition.class.isAssignableFrom(c)) {
                problems.add("class " + name + " does not implement " + MonitoringDefinition.class.getName()
                        + (implementsByName(c) ? " as loaded here (it was loaded by another class loader)" : ""));
                continue;
            }
            if (Modifier.isAbstract(c.getModifiers())) {
                problems.add("class " + name + " is abstract");
                continue;
            }
            try {
                Constructor<?> ctor = c.getConstructor();
                found.add((MonitoringDefinition) ctor.newInstance());
            } catch (NoSuchMethodException e) {
                problems.add("class " + name + " has no public no-argument constructor");
            } catch (InvocationTargetException e) {
                problems.add("class " + name + " failed in its constructor: " + Generator.describe(e.getCause()));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                problems.add("class " + name + " cannot be instantiated: " + Generator.describe(e));
            }
        }
        return new Loaded(found, problems);
    }

    private static boolean implementsByName(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (i.getName().equals(MonitoringDefinition.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
