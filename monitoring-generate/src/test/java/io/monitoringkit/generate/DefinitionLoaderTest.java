package io.monitoringkit.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionLoaderTest {

    /** Listed in src/test/resources/META-INF/services. */
    public static final class Listed implements MonitoringDefinition {
        @Override
        public void define(MonitoringOutput out) {
        }
    }

    public static final class NoDefaultConstructor implements MonitoringDefinition {
        public NoDefaultConstructor(String ignored) {
        }

        @Override
        public void define(MonitoringOutput out) {
        }
    }

    public static final class FailingConstructor implements MonitoringDefinition {
        public FailingConstructor() {
            throw new IllegalStateException("missing setting");
        }

        @Override
        public void define(MonitoringOutput out) {
        }
    }

    public abstract static class Abstract implements MonitoringDefinition {
    }

    @Test
    void findsDefinitionsListedForTheServiceLoader() {
        DefinitionLoader.Loaded loaded = DefinitionLoader.serviceLoader(getClass().getClassLoader());
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.definitions()).extracting(MonitoringDefinition::name).containsExactly("Listed");
    }

    @Test
    void instantiatesNamedClassesAndReportsEveryOneItCannotUse() {
        String p = DefinitionLoaderTest.class.getName();
        DefinitionLoader.Loaded loaded = DefinitionLoader.byName(getClass().getClassLoader(), List.of(
                p + "$Listed", "com.example.Missing", "java.lang.String", p + "$NoDefaultConstructor",
                p + "$FailingConstructor", p + "$Abstract"));

        assertThat(loaded.definitions()).extracting(MonitoringDefinition::name).containsExactly("Listed");
        assertThat(loaded.problems()).containsExactly(
                "class com.example.Missing was not found on the class path",
                "class java.lang.String does not implement io.monitoringkit.generate.MonitoringDefinition",
                "class " + p + "$NoDefaultConstructor has no public no-argument constructor",
                "class " + p + "$FailingConstructor failed in its constructor: IllegalStateException: missing setting",
                "class " + p + "$Abstract is abstract");
    }
}
