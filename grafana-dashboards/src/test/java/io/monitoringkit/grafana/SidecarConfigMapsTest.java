package io.monitoringkit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SidecarConfigMapsTest {

    private static final Dashboard SMALL = Dashboard.builder("Small").uid("small").build();

    @Test
    void writesTheConfigMapTheSidecarPicksUp() throws Exception {
        SidecarConfigMaps.ConfigMap cm = SidecarConfigMaps.builder().namespace("monitoring").build()
                .configMap(SMALL, "Team A");
        String yaml = cm.toYaml();
        assertThat(yaml).startsWith("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: grafana-dashboard-small
                  namespace: monitoring
                  labels:
                    grafana_dashboard: "1"
                  annotations:
                    grafana_folder: Team A
                data:
                  grafana-dashboard-small.json: |
                    {
                      "annotations": {
                """);
        JsonNode back = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        String json = back.get("data").get("grafana-dashboard-small.json").textValue();
        assertThat(Dashboards.read(json)).isEqualTo(SMALL);
        assertThat(cm.needsServerSideApply()).isFalse();
    }

    @Test
    void labelAndFolderAnnotationAreConfigurable() {
        SidecarConfigMaps.ConfigMap cm = SidecarConfigMaps.builder().label("dashboards", "true")
                .folderAnnotation("k8s-sidecar-target-directory").extraLabel("app.kubernetes.io/part-of", "shop")
                .build().configMap(SMALL, "grafana-dashboard-x", Optional.of("/tmp/dashboards/shop"));
        assertThat(cm.labels()).containsExactly(java.util.Map.entry("app.kubernetes.io/part-of", "shop"),
                java.util.Map.entry("dashboards", "true"));
        assertThat(cm.annotations()).containsEntry("k8s-sidecar-target-directory", "/tmp/dashboards/shop");
        assertThat(cm.dataKey()).isEqualTo("grafana-dashboard-x.json");
        assertThat(cm.toYaml()).contains("    dashboards: \"true\"\n");
        assertThatThrownBy(() -> SidecarConfigMaps.builder().label("bad key!", "1"))
                .hasMessage("\"bad key!\" is not a valid Kubernetes label or annotation key");
    }

    @Test
    void rejectsNamesThatAreNotShortDnsLabels() {
        SidecarConfigMaps s = SidecarConfigMaps.builder().build();
        assertThatThrownBy(() -> s.configMap(SMALL, "a".repeat(64), Optional.empty()))
                .hasMessage("name \"" + "a".repeat(64) + "\" is longer than 63 characters");
        assertThatThrownBy(() -> s.configMap(SMALL, "Bad_Name", Optional.empty()))
                .hasMessage("name \"Bad_Name\" is not a DNS-1123 label (lower case letters, digits and '-', starting"
                        + " and ending with a letter or digit)");
    }

    @Test
    void rejectsDashboardsOverOneMebibyteAndFlagsThoseNeedingServerSideApply() {
        String big = "x".repeat(SidecarConfigMaps.MAX_BYTES);
        Dashboard huge = Dashboard.builder("Huge").uid("huge").description(big).build();
        assertThatThrownBy(() -> SidecarConfigMaps.builder().build().configMap(huge))
                .hasMessageStartingWith("dashboard \"Huge\" is 10").hasMessageContaining("over the 1 MiB (1048576 bytes)");
        Dashboard large = Dashboard.builder("Large").uid("large").description("y".repeat(300_000)).build();
        assertThat(SidecarConfigMaps.builder().build().configMap(large).needsServerSideApply()).isTrue();
    }

    @Test
    void writesSeveralAsOneYamlStream() {
        SidecarConfigMaps s = SidecarConfigMaps.builder().build();
        String yaml = SidecarConfigMaps.toYaml(List.of(s.configMap(SMALL),
                s.configMap(Dashboard.builder("Other").build())));
        assertThat(yaml).startsWith("---\napiVersion: v1\n").contains("\n---\napiVersion: v1\n")
                .contains("name: grafana-dashboard-other\n");
    }
}
