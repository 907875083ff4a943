package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.model.Labels;
import io.monitoringkit.rules.RecordingRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A recording rule: the result, renamed to {@code record} and with the rule's labels, is written back. */
final class RecordingRuleState extends RuleState {

    static final String DUPLICATE = "vector contains metrics with the same labelset after applying rule labels";

    private final RecordingRule recording;

    RecordingRuleState(RecordingRule rule, int index, Map<String, String> labels) {
        super(rule, index, labels);
        this.recording = rule;
    }

    @Override
    List<OutSample> eval(EvalContext ctx, long ts, long queryOffset, int limit) throws RuleFailure {
        List<RuleQuery.Point> res = ctx.query(recording.expr(), ts - queryOffset);
        List<OutSample> out = new ArrayList<>(res.size());
        Set<Labels> seen = new HashSet<>();
        boolean duplicate = false;
        for (RuleQuery.Point p : res) {
            LabelsBuilder b = new LabelsBuilder(p.labels());
            b.set("__name__", recording.record());
            labels.forEach(b::set);
            Labels l = b.build();
            if (!seen.add(l)) {
                duplicate = true;
            }
            out.add(new OutSample(l, p.t(), p.v()));
        }
        if (duplicate) {
            throw new RuleFailure(DUPLICATE);
        }
        if (limit > 0 && out.size() > limit) {
            throw new RuleFailure("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }
}
