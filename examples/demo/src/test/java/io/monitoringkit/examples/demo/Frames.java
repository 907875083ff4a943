package io.monitoringkit.examples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Frames for given numbers, shared by the renderer's and the displays' tests. */
final class Frames {

    private Frames() {
    }

    static final List<ViewState.PanelSpec> PANELS = List.of(
            new ViewState.PanelSpec("request rate", Unit.REQUESTS_PER_SECOND),
            new ViewState.PanelSpec("error ratio", Unit.RATIO),
            new ViewState.PanelSpec("p99 latency", Unit.SECONDS));

    static final List<String> ALERTS = List.of("HighErrorRatio", "HighLatency", "ErrorBudgetFastBurn",
            "ErrorBudgetSlowBurnWithAVeryLongNameIndeed");

    /**
     * A 30-minute run seen once a minute up to minute 18: latency spike from minute 9, errors from minute 10,
     * latency alert pending at 10 and firing at 12, error alert pending at 12 and firing at 14, the fast burn
     * pending at 13 and back to inactive at 14, the slow burn never.
     */
    static ViewState incident() {
        ViewState v = new ViewState(PANELS, ALERTS, Duration.ofMinutes(30));
        for (int m = 0; m <= 18; m++) {
            double rate = m == 0 ? Double.NaN : 4 + (m % 3) * 0.25;
            double errors = m < 10 ? 0 : Math.min(0.12, (m - 9) * 0.03);
            double p99 = m < 9 ? 0.0125 : 0.4975;
            java.util.Map<String, OptionalDouble> values = new java.util.LinkedHashMap<>();
            if (m > 0) {
                values.put("request rate", OptionalDouble.of(rate));
                values.put("error ratio", OptionalDouble.of(errors));
                values.put("p99 latency", OptionalDouble.of(p99));
            }
            java.util.Map<String, AlertState> active = new java.util.LinkedHashMap<>();
            if (m >= 10) {
                active.put("HighLatency", m >= 12 ? AlertState.FIRING : AlertState.PENDING);
            }
            if (m >= 12) {
                active.put("HighErrorRatio", m >= 14 ? AlertState.FIRING : AlertState.PENDING);
            }
            if (m == 13) {
                active.put("ErrorBudgetFastBurn", AlertState.PENDING);
            }
            v.update(Duration.ofMinutes(m), values, active);
        }
        return v;
    }

    static Frame incidentFrame() {
        return incident().frame("monitoring-kit demo - checkout-service at http://127.0.0.1:8080",
                "in-process PromQL engine - 1s = 1m", "error burst: 12% of requests fail", "Ctrl-C stops");
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    static Map<String, OptionalDouble> none() {
        return Map.of();
    }
}
