package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.BinaryOp;
import io.monitoringkit.promql.VectorMatching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Binary operators: scalar arithmetic, comparisons, and vector matching (one-to-one, group_left/right, sets). */
final class BinaryOps {
    private BinaryOps() {
    }

    static double arith(BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case MOD -> l % r;
            case POW -> Numeric.pow(l, r);
            case ATAN2 -> Math.atan2(l, r);
            default -> throw new IllegalStateException("not arithmetic: " + op);
        };
    }

    static boolean compare(BinaryOp op, double l, double r) {
        return switch (op) {
            case EQL -> l == r;
            case NEQ -> l != r;
            case GTR -> l > r;
            case LSS -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    /** Scalar-scalar operations (comparisons always with {@code bool}). */
    static double scalar(BinaryOp op, double l, double r) {
        if (op.isComparison()) {
            return compare(op, l, r) ? 1 : 0;
        }
        return arith(op, l, r);
    }

    /** Matching state for one vector-vector operation node, caching signatures per label set. */
    static final class VectorMatcher {
        private final VectorMatching matching;
        private final Set<String> names;
        private final Map<Labels, String> sigCache = new IdentityHashMap<>();
        private final Map<String, Labels> resultCache = new HashMap<>();

        VectorMatcher(VectorMatching matching) {
            this.matching = matching;
            Set<String> n = new TreeSet<>(matching.labels());
            if (!matching.on()) {
                n.add(Names.METRIC_NAME_LABEL);
            }
            this.names = n;
        }

        String signature(Labels l) {
            String s = sigCache.get(l);
            if (s != null) {
                return s;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.size(); i++) {
                String name = l.name(i);
                if (names.contains(name) == matching.on()) {
                    sb.append(name).append('\u00ff').append(l.value(i)).append('\u00ff');
                }
            }
            s = sb.toString();
            sigCache.put(l, s);
            return s;
        }

        /** The labels the match group is identified by, for error messages. */
        private Labels matchLabels(Labels l) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < l.size(); i++) {
                if (names.contains(l.name(i)) == matching.on()) {
                    m.put(l.name(i), l.value(i));
                }
            }
            return Labels.from(m);
        }

        void set(BinaryOp op, Vec lhs, Vec rhs, Vec out) {
            switch (op) {
                case AND -> {
                    if (lhs.isEmpty() || rhs.isEmpty()) {
                        return;
                    }
                    Set<String> right = new HashSet<>();
                    for (Sample s : rhs) {
                        right.add(signature(s.metric()));
                    }
                    for (Sample s : lhs) {
                        if (right.contains(signature(s.metric()))) {
                            out.add(s);
                        }
                    }
                }
                case OR -> {
                    Set<String> left = new HashSet<>();
                    for (Sample s : lhs) {
                        left.add(signature(s.metric()));
                        out.add(s);
                    }
                    for (Sample s : rhs) {
                        if (!left.contains(signature(s.metric()))) {
                            out.add(s);
                        }
                    }
                }
                case UNLESS -> {
                    if (lhs.isEmpty() || rhs.isEmpty()) {
                        out.addAll(lhs);
                        return;
                    }
                    Set<String> right = new HashSet<>();
                    for (Sample s : rhs) {
                        right.add(signature(s.metric()));
                    }
                    for (Sample s : lhs) {
                        if (!right.contains(signature(s.metric()))) {
                            out.add(s);
                        }
                    }
                }
                default -> throw new IllegalStateException("not a set operator: " + op);
            }
        }

        void binop(BinaryOp op, Vec lhsIn, Vec rhsIn, boolean returnBool, Vec out) {
            if (lhsIn.isEmpty() || rhsIn.isEmpty()) {
                return;
            }
            VectorMatching.Cardinality card = matching.cardinality();
            boolean oneToMany = card == VectorMatching.Cardinality.ONE_TO_MANY;
            Vec lhs = oneToMany ? rhsIn : lhsIn;
            Vec rhs = oneToMany ? lhsIn : rhsIn;
            Map<String, Sample> right = new HashMap<>(rhs.size() * 2);
            for (Sample rs : rhs) {
                String sig = signature(rs.metric());
                Sample dup = right.put(sig, rs);
                if (dup != null) {
                    String side = oneToMany ? "left" : "right";
                    String d1 = rs.metric().toString();
                    String d2 = dup.metric().toString();
                    if (d1.compareTo(d2) > 0) {
                        String t = d1;
                        d1 = d2;
                        d2 = t;
                    }
                    throw new EvalException("found duplicate series for the match group " + matchLabels(rs.metric())
                            + " on the " + side + " hand-side of the operation: [" + d1 + ", " + d2
                            + "];many-to-many matching not allowed: matching labels must be unique on one side");
                }
            }
            Set<String> matchedOneToOne = card == VectorMatching.Cardinality.ONE_TO_ONE ? new HashSet<>() : null;
            Map<String, Set<Labels>> matchedMany = card == VectorMatching.Cardinality.ONE_TO_ONE ? null : new HashMap<>();
            for (Sample ls : lhs) {
                String sig = signature(ls.metric());
                Sample rs = right.get(sig);
                if (rs == null) {
                    continue;
                }
                double fl = ls.f();
                double fr = rs.f();
                if (oneToMany) {
                    double t = fl;
                    fl = fr;
                    fr = t;
                }
                double value;
                boolean keep;
                if (op.isComparison()) {
                    keep = compare(op, fl, fr);
                    value = fl;
                } else {
                    keep = true;
                    value = arith(op, fl, fr);
                }
                if (returnBool) {
                    value = keep ? 1 : 0;
                }
                Labels metric = resultMetric(ls.metric(), rs.metric(), op);
                if (matchedOneToOne != null) {
                    if (!matchedOneToOne.add(sig)) {
                        throw new EvalException("multiple matches for labels: many-to-one matching must be explicit "
                                + "(group_left/group_right)");
                    }
                } else {
                    Set<Labels> inserted = matchedMany.computeIfAbsent(sig, k -> new HashSet<>());
                    if (!inserted.add(metric)) {
                        throw new EvalException("multiple matches for labels: grouping labels must ensure unique matches");
                    }
                }
                if (!keep && !returnBool) {
                    continue;
                }
                out.add(new Sample(metric, value, ls.t(), returnBool));
            }
        }

        private Labels resultMetric(Labels lhs, Labels rhs, BinaryOp op) {
            String key = System.identityHashCode(lhs) + "/" + System.identityHashCode(rhs);
            Labels cached = resultCache.get(key);
            if (cached != null && cachedFor(key, lhs, rhs)) {
                return cached;
            }
            Map<String, String> m = new LinkedHashMap<>(lhs.asMap());
            if (!op.isComparison()) {
                m.remove(Names.METRIC_NAME_LABEL);
                m.remove("__type__");
                m.remove("__unit__");
            }
            if (matching.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE) {
                if (matching.on()) {
                    m.keySet().retainAll(matching.labels());
                } else {
                    m.keySet().removeAll(matching.labels());
                }
            }
            for (String ln : matching.include()) {
                String v = rhs.getOrEmpty(ln);
                if (!v.isEmpty()) {
                    m.put(ln, v);
                } else {
                    m.remove(ln);
                }
            }
            Labels result = Labels.from(m);
            resultCache.put(key, result);
            keyOwners.put(key, List.of(lhs, rhs));
            return result;
        }

        private final Map<String, List<Labels>> keyOwners = new HashMap<>();

        private boolean cachedFor(String key, Labels lhs, Labels rhs) {
            List<Labels> o = keyOwners.get(key);
            return o != null && o.get(0) == lhs && o.get(1) == rhs;
        }
    }

    static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        Collections.sort(c);
        return c;
    }
}
