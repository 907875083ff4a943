package io.monitoringkit.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written descriptor and GenerateMojo must agree, as maven-plugin-plugin would make them. */
class PluginDescriptorTest {

    private static Element mojo() throws Exception {
        try (InputStream in = GenerateMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml on the class path").isNotNull();
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList mojos = doc.getElementsByTagName("mojo");
            assertThat(mojos.getLength()).isEqualTo(1);
            return (Element) mojos.item(0);
        }
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void describesTheGenerateGoalImplementedByGenerateMojo() throws Exception {
        Element mojo = mojo();
        assertThat(text(mojo, "goal")).isEqualTo("generate");
        assertThat(text(mojo, "phase")).isEqualTo("process-classes");
        assertThat(text(mojo, "requiresDependencyResolution")).isEqualTo("runtime");
        assertThat(text(mojo, "threadSafe")).isEqualTo("true");
        assertThat(Class.forName(text(mojo, "implementation"))).isEqualTo(GenerateMojo.class);
        Element plugin = (Element) mojo.getOwnerDocument().getDocumentElement();
        assertThat(plugin.getElementsByTagName("version").item(0).getTextContent())
                .as("filtered to the project version").doesNotContain("@").endsWith("-SNAPSHOT");
        assertThat(plugin.getElementsByTagName("goalPrefix").item(0).getTextContent()).isEqualTo("monitoring");
    }

    @Test
    void declaresExactlyTheMojosFieldsWithTheirTypes() throws Exception {
        Map<String, String> declared = new LinkedHashMap<>();
        NodeList params = mojo().getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            declared.put(text(p, "name"), text(p, "type"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field f : GenerateMojo.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.put(f.getName(), f.getType().getName());
            }
        }
        assertThat(declared).isEqualTo(fields);
    }

    @Test
    void configuresEveryPropertyDrivenParameterWithItsDefault() throws Exception {
        Element configuration = (Element) mojo().getElementsByTagName("configuration").item(0);
        List<String> lines = new ArrayList<>();
        NodeList children = configuration.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                lines.add(e.getTagName() + " = " + e.getTextContent() + (e.hasAttribute("default-value")
                        ? " (default " + e.getAttribute("default-value") + ")" : ""));
            }
        }
        assertThat(lines).containsExactly(
                "project = ${project}",
                "outputDirectory = ${monitoring.outputDirectory} (default ${project.build.directory}/monitoring)",
                "prometheusVersion = ${monitoring.prometheusVersion}",
                "failOnWarnings = ${monitoring.failOnWarnings} (default false)",
                "skip = ${monitoring.skip} (default false)");
        assertThat(Arrays.stream(GenerateMojo.class.getDeclaredFields()).map(Field::getName))
                .contains("definitions", "disabledDashboardRules");
    }
}
