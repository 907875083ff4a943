package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void putsTheIncidentAtFixedServiceTimesInRunsOfThirtyMinutesOrMore() {
        Scenario s = Scenario.standard(Duration.ofMinutes(50));

        assertThat(s.at(Duration.ofMinutes(8)).name()).isEqualTo("steady traffic");
        assertThat(s.at(Duration.ofMinutes(9)).extraLatency()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.at(Duration.ofMinutes(9)).errorRatio()).isEqualTo(Scenario.BASELINE_ERRORS);
        assertThat(s.at(Duration.ofMinutes(12)).describe()).isEqualTo("error burst: 12% of requests fail, +300 ms latency");
        assertThat(s.at(Duration.ofMinutes(15)).describe()).isEqualTo("error burst: 12% of requests fail");
        assertThat(s.at(Duration.ofMinutes(17)).describe()).isEqualTo("recovered");
        assertThat(s.at(Duration.ofMinutes(49)).name()).isEqualTo("recovered");
    }

    @Test
    void squeezesTheIncidentIntoShorterRuns() {
        Scenario s = Scenario.standard(Duration.ofMinutes(15));

        assertThat(s.at(Duration.ofSeconds(269)).name()).isEqualTo("steady traffic");
        assertThat(s.at(Duration.ofSeconds(270)).name()).isEqualTo("latency spike");
        assertThat(s.at(Duration.ofSeconds(300)).name()).isEqualTo("error burst");
        assertThat(s.at(Duration.ofSeconds(510)).name()).isEqualTo("recovered");
    }

    @Test
    void keepsTheBaselineInsideTheErrorBudget() {
        // a 99.9% SLO allows 0.1% errors: steady traffic must not burn it
        assertThat(Scenario.standard(Duration.ofMinutes(30)).at(Duration.ZERO).errorRatio()).isLessThan(0.001);
    }
}
