package io.monitoringkit.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import org.junit.jupiter.api.Test;

class PodMonitorsTest {

    @Test
    void buildsAPodMonitorSelectingByTheGivenLabel() {
        PodMonitor pm = PodMonitors.forPods("worker").namespace("jobs").matchLabel("app", "worker")
                .endpoint("metrics", e -> e.withInterval("1m")).podTargetLabels("team").build();
        assertThat(Manifests.toYaml(pm)).isEqualTo("""
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: worker
                  namespace: jobs
                spec:
                  podMetricsEndpoints:
                    - interval: 1m
                      port: metrics
                  podTargetLabels:
                    - team
                  selector:
                    matchLabels:
                      app: worker
                """);
    }

    @Test
    void relabelingRulesAreCheckedAsPrometheusChecksThem() {
        assertThatThrownBy(() -> PodMonitors.forPods("worker").endpoint("metrics", e -> e
                        .addNewRelabeling().withAction("hashmod").withSourceLabels("__address__").endRelabeling()
                        .addNewRelabeling().withAction("labeldrop").withRegex("[").endRelabeling())
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .map(Violation::toString).containsExactly(
                                "spec.podMetricsEndpoints[0].relabelings[0].modulus: is required (and not 0) for"
                                        + " action hashmod",
                                "spec.podMetricsEndpoints[0].relabelings[0].targetLabel: is required for action"
                                        + " hashmod",
                                "spec.podMetricsEndpoints[0].relabelings[1].regex: \"[\" is not a valid RE2 regular"
                                        + " expression: Unclosed character class"));
    }
}
