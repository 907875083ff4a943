package io.monitoringkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeedTest {

    @Test
    void readsServiceTimePerRealSecondOrAFactor() {
        assertThat(Speed.parse("1m").factor()).isEqualTo(60);
        assertThat(Speed.parse("90s").factor()).isEqualTo(90);
        assertThat(Speed.parse("1h").factor()).isEqualTo(3600);
        assertThat(Speed.parse("300x").factor()).isEqualTo(300);
        assertThat(Speed.parse("2.5").factor()).isEqualTo(2.5);
        assertThat(Speed.parse(" 60X ").factor()).isEqualTo(60);
    }

    @Test
    void printsWhatOneRealSecondIsWorth() {
        assertThat(Speed.DEFAULT).hasToString("1s = 1m");
        assertThat(Speed.of(300)).hasToString("1s = 5m");
        assertThat(Speed.of(90)).hasToString("1s = 1m30s");
        assertThat(Speed.of(2.5)).hasToString("1s = 2.50s");
        assertThat(Speed.REAL_TIME).hasToString("1s = 1s");
    }

    @Test
    void rejectsNonsenseQuotingIt() {
        for (String bad : new String[] {"0", "0s", "fast", "-1", "x", ""}) {
            assertThatThrownBy(() -> Speed.parse(bad)).as(bad)
                    .hasMessage("'" + bad + "': not a speed; give service time per real second (e.g. 1m, 5m) or a "
                            + "factor (e.g. 60, 300x), greater than zero");
        }
        assertThatThrownBy(() -> Speed.of(0)).hasMessage("0.0: the speed must be a positive number");
    }
}
