package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.AlertState;
import io.monitoringkit.engine.rules.AlertTransition;
import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.AlertingRule;
import io.monitoringkit.template.TemplateData;
import io.monitoringkit.template.Templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An alerting rule and its alerts, one per label set, with Prometheus' state machine (rules/alerting.go):
 * pending → firing after {@code for}, kept firing for {@code keep_firing_for}, resolved alerts retained 15 minutes.
 */
final class AlertingRuleState extends RuleState {

    static final String DUPLICATE = "vector contains metrics with the same labelset after applying alert labels";
    static final long RESOLVED_RETENTION_MILLIS = 15 * 60 * 1000L;
    private static final long NONE = Long.MIN_VALUE;

    /** The mutable state of one alert (Prometheus' {@code rules.Alert}). */
    static final class Entry {
        final Labels labels;
        Map<String, String> annotations;
        AlertState state = AlertState.PENDING;
        final long activeAt;
        long firedAt = NONE;
        long resolvedAt = NONE;
        long keepFiringSince = NONE;
        double value;

        Entry(Labels labels, Map<String, String> annotations, long activeAt, double value) {
            this.labels = labels;
            this.annotations = annotations;
            this.activeAt = activeAt;
            this.value = value;
        }
    }

    private final AlertingRule alerting;
    private final long holdMillis;
    private final long keepFiringForMillis;
    private final Map<Labels, Entry> active = new HashMap<>();

    AlertingRuleState(AlertingRule rule, int index, Map<String, String> labels) {
        super(rule, index, labels);
        this.alerting = rule;
        this.holdMillis = rule.forDuration().millis();
        this.keepFiringForMillis = rule.keepFiringFor().millis();
    }

    @Override
    List<OutSample> eval(EvalContext ctx, long ts, long queryOffset, int limit) throws RuleFailure {
        List<RuleQuery.Point> res = ctx.query(alerting.expr(), ts - queryOffset);
        Instant evalTime = Instant.ofEpochMilli(ts);

        Map<Labels, Entry> fresh = new LinkedHashMap<>();
        for (RuleQuery.Point p : res) {
            TemplateData data = TemplateData.forAlert(p.labels(), p.v())
                    .externalLabels(ctx.externalLabels)
                    .externalUrl(ctx.externalUrl)
                    .queryFunction(ctx.templateQuery)
                    .evaluationTime(evalTime);
            LabelsBuilder b = new LabelsBuilder(p.labels()).delete("__name__");
            for (Map.Entry<String, String> l : labels.entrySet()) {
                b.set(l.getKey(), expand(l.getValue(), data));
            }
            b.set("alertname", alerting.alert());
            Map<String, String> annotations = new TreeMap<>();
            for (Map.Entry<String, String> a : alerting.annotations().entrySet()) {
                annotations.put(a.getKey(), expand(a.getValue(), data));
            }
            Labels lbs = b.build();
            if (fresh.containsKey(lbs)) {
                throw new RuleFailure(DUPLICATE);
            }
            fresh.put(lbs, new Entry(lbs, annotations, ts, p.v()));
        }

        Map<Labels, AlertState> before = new HashMap<>();
        for (Entry e : active.values()) {
            before.put(e.labels, e.state);
        }
        List<Entry> forgotten = new ArrayList<>();

        for (Entry a : fresh.values()) {
            Entry existing = active.get(a.labels);
            if (existing != null && existing.state != AlertState.INACTIVE) {
                existing.value = a.value;
                existing.annotations = a.annotations;
                continue;
            }
            active.put(a.labels, a);
        }

        int numActivePending = 0;
        List<Entry> written = new ArrayList<>();
        for (Iterator<Entry> it = active.values().iterator(); it.hasNext(); ) {
            Entry a = it.next();
            if (!fresh.containsKey(a.labels)) {
                boolean keepFiring = false;
                if (a.state == AlertState.FIRING && keepFiringForMillis > 0) {
                    if (a.keepFiringSince == NONE) {
                        a.keepFiringSince = ts;
                    }
                    if (ts - a.keepFiringSince < keepFiringForMillis) {
                        keepFiring = true;
                    }
                }
                if (a.state == AlertState.PENDING
                        || (a.resolvedAt != NONE && ts - a.resolvedAt > RESOLVED_RETENTION_MILLIS)) {
                    it.remove();
                    if (a.state == AlertState.PENDING) {
                        forgotten.add(a);
                    }
                }
                if (a.state != AlertState.INACTIVE && !keepFiring) {
                    a.state = AlertState.INACTIVE;
                    a.resolvedAt = ts;
                }
                if (!keepFiring) {
                    continue;
                }
            } else {
                a.keepFiringSince = NONE;
            }
            numActivePending++;
            if (a.state == AlertState.PENDING && ts - a.activeAt >= holdMillis) {
                a.state = AlertState.FIRING;
                a.firedAt = ts;
            }
            written.add(a);
        }

        if (limit > 0 && numActivePending > limit) {
            List<Entry> dropped = new ArrayList<>();
            for (Entry a : active.values()) {
                if (before.getOrDefault(a.labels, AlertState.INACTIVE) != AlertState.INACTIVE) {
                    dropped.add(a);
                }
            }
            for (Entry a : forgotten) {
                dropped.add(a);
            }
            active.clear();
            for (Entry a : sorted(dropped)) {
                AlertState from = before.getOrDefault(a.labels, AlertState.INACTIVE);
                Alert snapshot = new Alert(alerting.alert(), a.labels, a.annotations, AlertState.INACTIVE,
                        Instant.ofEpochMilli(a.activeAt), optional(a.firedAt), Optional.of(evalTime),
                        Optional.empty(), a.value);
                ctx.notify(new AlertTransition(snapshot, from, AlertState.INACTIVE, evalTime));
            }
            throw new RuleFailure("exceeded limit of " + limit + " with " + numActivePending + " alerts");
        }

        List<Entry> changed = new ArrayList<>(forgotten);
        for (Entry a : active.values()) {
            if (before.getOrDefault(a.labels, AlertState.INACTIVE) != a.state) {
                changed.add(a);
            }
        }
        for (Entry a : sorted(changed)) {
            AlertState from = before.getOrDefault(a.labels, AlertState.INACTIVE);   // PENDING for forgotten ones
            ctx.notify(new AlertTransition(snapshot(a), from, a.state, evalTime));
        }

        List<OutSample> out = new ArrayList<>(written.size() * 2);
        long t = ts - queryOffset;
        for (Entry a : sorted(written)) {
            out.add(new OutSample(alertsSeries(a, "ALERTS").with("alertstate", a.state.label()).build(), t, 1));
            out.add(new OutSample(alertsSeries(a, "ALERTS_FOR_STATE").build(), t,
                    (double) Math.floorDiv(a.activeAt, 1000L)));
        }
        return out;
    }

    /** Prometheus builds both series from the rule's (untemplated) labels overridden by the alert's labels. */
    private SeriesLabels alertsSeries(Entry a, String metric) {
        SeriesLabels b = new SeriesLabels();
        labels.forEach(b::with);
        a.labels.forEach(b::with);
        return b.with("__name__", metric).with("alertname", alerting.alert());
    }

    /** A small label-set builder for output series. */
    private static final class SeriesLabels {
        private final TreeMap<String, String> map = new TreeMap<>();

        SeriesLabels with(String name, String value) {
            if (value.isEmpty()) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
            return this;
        }

        Labels build() {
            return Labels.from(map);
        }
    }

    private String expand(String text, TemplateData data) {
        return Templates.expandAlertTemplate(alerting.alert(), text, data);
    }

    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> copy = new ArrayList<>(entries);
        copy.sort((x, y) -> x.labels.compareTo(y.labels));
        return copy;
    }

    private Alert snapshot(Entry a) {
        return new Alert(alerting.alert(), a.labels, a.annotations, a.state, Instant.ofEpochMilli(a.activeAt),
                optional(a.firedAt), optional(a.resolvedAt), optional(a.keepFiringSince), a.value);
    }

    private static Optional<Instant> optional(long t) {
        return t == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
    }

    /** @return snapshots of the alerts held (active and retained resolved ones), sorted by labels. */
    List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(active.size());
        for (Entry a : sorted(new ArrayList<>(active.values()))) {
            out.add(snapshot(a));
        }
        return out;
    }

    String alertName() {
        return alerting.alert();
    }
}
