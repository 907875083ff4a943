package io.monitoringkit.test;

import static io.monitoringkit.promql.PromQL.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of {@link RuleTester}, over random 0/1 {@code up} series. */
class RuleTesterPropertiesTest {

    private static RuleTester tester(List<@IntRange(min = 0, max = 1) Integer> up, int forMinutes) {
        return RuleTester.ofYaml("""
                        groups:
                          - name: g
                            rules:
                              - alert: Down
                                expr: up == 0
                                for: %dm
                        """.formatted(forMinutes))
                .series("up{instance=\"a\"}", up.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    /** Evaluating on in one chain gives the alerts a fresh run up to the later time gives. */
    @Property(tries = 40)
    void goingOnInAChainEqualsStartingAgain(@ForAll @Size(min = 2, max = 20) List<@IntRange(min = 0, max = 1) Integer> up,
            @ForAll @IntRange(min = 0, max = 4) int forMinutes, @ForAll @IntRange(min = 0, max = 19) int t1,
            @ForAll @IntRange(min = 0, max = 19) int t2) {
        RuleTester t = tester(up, forMinutes);
        int early = Math.min(t1, t2);
        int late = Math.max(t1, t2);
        List<Alert> chained = t.at(minutes(early)).at(minutes(late)).alerts();
        assertThat(chained).isEqualTo(t.at(minutes(late)).alerts());
    }

    /**
     * The alert's state at step k follows from the run of zeros ending at k: pending while it is shorter than
     * {@code for}, firing once it is as long, none when {@code up} is 1 (within the series, so lookback plays no
     * part).
     */
    @Property(tries = 40)
    void theStateFollowsTheRunOfZeros(@ForAll @Size(min = 2, max = 20) List<@IntRange(min = 0, max = 1) Integer> up,
            @ForAll @IntRange(min = 0, max = 4) int forMinutes, @ForAll @IntRange(min = 0, max = 19) int k) {
        int step = Math.min(k, up.size() - 1);
        RuleTesterAt at = tester(up, forMinutes).at(minutes(step));
        if (up.get(step) == 1) {
            at.assertInactive("Down");
            return;
        }
        int start = step;
        while (start > 0 && up.get(start - 1) == 0) {
            start--;
        }
        if (step - start >= forMinutes) {
            at.assertFiring("Down").activeSince(minutes(start)).hasCount(1);
        } else {
            at.assertPending("Down").activeSince(minutes(start)).hasCount(1).and().assertNotFiring("Down");
        }
        assertThat(at.alerts()).extracting(Alert::state)
                .containsOnly(step - start >= forMinutes ? AlertState.FIRING : AlertState.PENDING);
    }
}
