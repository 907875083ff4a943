package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Set;

/**
 * Typed options of Grafana's core panel types, validated against the values each plugin accepts.
 *
 * <pre>{@code
 * Panel.timeseries("Latency").options(PanelOptions.timeseries("table", "right", "multi"));
 * Panel.stat("Up").options(PanelOptions.stat("lastNotNull", "background", "area"));
 * }</pre>
 */
public final class PanelOptions extends JsonBacked {

    private static final Set<String> REDUCERS = Set.of("lastNotNull", "last", "firstNotNull", "first", "min",
            "max", "mean", "sum", "count", "range", "delta", "step", "diff", "logmin", "allIsZero", "allIsNull",
            "changeCount", "distinctCount", "diffperc", "allValues", "uniqueValues", "median", "variance",
            "stdDev");

    private PanelOptions(ObjectNode json) {
        super(json);
    }

    private static String oneOf(String what, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not a valid " + what + ": use one of "
                + String.join(", ", allowed));
    }

    private static ObjectNode reduce(String reducer) {
        if (!REDUCERS.contains(reducer)) {
            throw new IllegalArgumentException("\"" + reducer + "\" is not a Grafana reducer: use one of "
                    + new java.util.TreeSet<>(REDUCERS));
        }
        ObjectNode r = Json.object();
        r.putArray("calcs").add(reducer);
        r.put("fields", "");
        r.put("values", false);
        return r;
    }

    /** @return time series options: legend mode ({@code list}, {@code table}, {@code hidden}), placement, tooltip mode. */
    public static PanelOptions timeseries(String legendMode, String placement, String tooltipMode) {
        ObjectNode o = Json.object();
        ObjectNode legend = o.putObject("legend");
        legend.put("displayMode", oneOf("legend mode", legendMode, "list", "table", "hidden"));
        legend.put("placement", oneOf("legend placement", placement, "bottom", "right"));
        legend.put("showLegend", !legendMode.equals("hidden"));
        legend.putArray("calcs");
        ObjectNode tooltip = o.putObject("tooltip");
        tooltip.put("mode", oneOf("tooltip mode", tooltipMode, "single", "multi", "none"));
        tooltip.put("sort", "none");
        return new PanelOptions(o);
    }

    /** @return stat options: reducer, color mode ({@code value}, {@code background}, {@code none}), graph mode ({@code area}, {@code none}). */
    public static PanelOptions stat(String reducer, String colorMode, String graphMode) {
        ObjectNode o = Json.object();
        o.set("reduceOptions", reduce(reducer));
        o.put("colorMode", oneOf("color mode", colorMode, "value", "background", "background_solid", "none"));
        o.put("graphMode", oneOf("graph mode", graphMode, "area", "none"));
        o.put("justifyMode", "auto");
        o.put("orientation", "auto");
        o.put("textMode", "auto");
        return new PanelOptions(o);
    }

    /** @return gauge options. */
    public static PanelOptions gauge(String reducer, boolean showThresholdMarkers) {
        ObjectNode o = Json.object();
        o.set("reduceOptions", reduce(reducer));
        o.put("showThresholdLabels", false);
        o.put("showThresholdMarkers", showThresholdMarkers);
        o.put("orientation", "auto");
        return new PanelOptions(o);
    }

    /** @return bar gauge options: orientation ({@code auto}, {@code horizontal}, {@code vertical}), display mode ({@code basic}, {@code gradient}, {@code lcd}). */
    public static PanelOptions bargauge(String reducer, String orientation, String displayMode) {
        ObjectNode o = Json.object();
        o.set("reduceOptions", reduce(reducer));
        o.put("orientation", oneOf("orientation", orientation, "auto", "horizontal", "vertical"));
        o.put("displayMode", oneOf("display mode", displayMode, "basic", "gradient", "lcd"));
        return new PanelOptions(o);
    }

    /** @return pie chart options: pie type ({@code pie}, {@code donut}). */
    public static PanelOptions piechart(String reducer, String pieType) {
        ObjectNode o = Json.object();
        o.set("reduceOptions", reduce(reducer));
        o.put("pieType", oneOf("pie type", pieType, "pie", "donut"));
        return new PanelOptions(o);
    }

    /** @return logs options. */
    public static PanelOptions logs(boolean showTime, boolean wrapLogMessage, String sortOrder) {
        ObjectNode o = Json.object();
        o.put("showTime", showTime);
        o.put("wrapLogMessage", wrapLogMessage);
        o.put("sortOrder", oneOf("sort order", sortOrder, "Descending", "Ascending"));
        o.put("enableLogDetails", true);
        o.put("dedupStrategy", "none");
        return new PanelOptions(o);
    }

    /** @return table options. */
    public static PanelOptions table(boolean showHeader) {
        ObjectNode o = Json.object();
        o.put("showHeader", showHeader);
        o.put("cellHeight", "sm");
        return new PanelOptions(o);
    }

    /** @return options from a JSON object (copied), for any plugin. */
    public static PanelOptions of(ObjectNode json) {
        return new PanelOptions(json.deepCopy());
    }
}
