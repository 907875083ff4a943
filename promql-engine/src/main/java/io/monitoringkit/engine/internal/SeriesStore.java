package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory series store: series by label set, plus an inverted index (label name → value → series ids)
 * so that selection intersects posting lists instead of scanning every series. Readers take the read lock for a
 * whole query; appends take the write lock.
 */
public final class SeriesStore {
    private final Map<Labels, MemSeries> byLabels = new HashMap<>();
    private final List<MemSeries> all = new ArrayList<>();
    private final Map<String, Map<String, IntList>> postings = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long samples;

    /** @return the lock readers hold while evaluating a query. */
    public ReentrantReadWriteLock lock() {
        return lock;
    }

    /** Appends one sample (use {@link Staleness#STALE_NAN} for a staleness marker). */
    public void append(Labels labels, long t, double v) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one label, got {}");
        }
        lock.writeLock().lock();
        try {
            MemSeries s = byLabels.get(labels);
            if (s == null) {
                s = create(labels);
            }
            int before = s.size();
            s.append(t, v);
            samples += s.size() - before;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The outcome of {@link #appendChecked}. */
    public enum AppendStatus {
        /** The sample was appended. */
        APPENDED,
        /** A sample with the same timestamp and the same value (bit for bit) exists; nothing changed. */
        SAME_SAMPLE,
        /** A sample with the same timestamp but another value exists; nothing changed. */
        DUPLICATE_TIMESTAMP,
        /** The series has a newer sample; nothing changed. */
        OUT_OF_ORDER
    }

    /**
     * Appends one sample as Prometheus' TSDB head does for rule results: an older timestamp or another value at
     * the newest timestamp is rejected instead of replacing it.
     */
    public AppendStatus appendChecked(Labels labels, long t, double v) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one label, got {}");
        }
        lock.writeLock().lock();
        try {
            MemSeries s = byLabels.get(labels);
            if (s == null) {
                s = create(labels);
            } else if (s.size() > 0) {
                long newest = s.maxTime();
                if (t < newest) {
                    return AppendStatus.OUT_OF_ORDER;
                }
                if (t == newest) {
                    return Double.doubleToRawLongBits(s.v(s.size() - 1)) == Double.doubleToRawLongBits(v)
                            ? AppendStatus.SAME_SAMPLE : AppendStatus.DUPLICATE_TIMESTAMP;
                }
            }
            s.append(t, v);
            samples++;
            return AppendStatus.APPENDED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return the newest sample's value of the series with these labels at exactly {@code t}, else NaN. */
    public double valueAt(Labels labels, long t) {
        lock.readLock().lock();
        try {
            MemSeries s = byLabels.get(labels);
            if (s == null || s.size() == 0 || s.maxTime() != t) {
                return Double.NaN;
            }
            return s.v(s.size() - 1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Appends many samples of one series (timestamps ascending). */
    public void appendAll(Labels labels, long[] ts, double[] vs, int n) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < n; i++) {
                append(labels, ts[i], vs[i]);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private MemSeries create(Labels labels) {
        MemSeries s = new MemSeries(all.size(), labels);
        all.add(s);
        byLabels.put(labels, s);
        for (int i = 0; i < labels.size(); i++) {
            postings.computeIfAbsent(labels.name(i), k -> new HashMap<>())
                    .computeIfAbsent(labels.value(i), k -> new IntList()).add(s.id());
        }
        return s;
    }

    /** @return the series with exactly these labels, if any. */
    public MemSeries get(Labels labels) {
        lock.readLock().lock();
        try {
            return byLabels.get(labels);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return every series, in creation order. */
    public List<MemSeries> all() {
        lock.readLock().lock();
        try {
            return List.copyOf(all);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes everything. */
    public void clear() {
        lock.writeLock().lock();
        try {
            byLabels.clear();
            all.clear();
            postings.clear();
            samples = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return the number of samples stored (staleness markers included). */
    public long sampleCount() {
        return samples;
    }

    /** @return bytes held by sample arrays (excluding labels). */
    public long sampleBytes() {
        lock.readLock().lock();
        try {
            long b = 0;
            for (MemSeries s : all) {
                b += s.sampleBytes();
            }
            return b;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Trims every series' arrays to their size. */
    public void compact() {
        lock.writeLock().lock();
        try {
            for (MemSeries s : all) {
                s.trim();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * @return the series matching every matcher, sorted by labels. Matchers that do not match the empty string
     * narrow the candidates through the inverted index; the others filter the candidates.
     */
    public List<MemSeries> select(List<LabelMatcher> matchers) {
        lock.readLock().lock();
        try {
            int[] candidates = null;
            List<LabelMatcher> filters = new ArrayList<>();
            for (LabelMatcher m : matchers) {
                if (m.matchesEmpty()) {
                    filters.add(m);
                    continue;
                }
                int[] ids = postingsFor(m);
                candidates = candidates == null ? ids : intersect(candidates, ids);
                if (candidates.length == 0) {
                    return List.of();
                }
            }
            List<MemSeries> out = new ArrayList<>();
            if (candidates == null) {
                for (MemSeries s : all) {
                    if (matchesAll(s.labels(), filters)) {
                        out.add(s);
                    }
                }
            } else {
                for (int id : candidates) {
                    MemSeries s = all.get(id);
                    if (matchesAll(s.labels(), filters)) {
                        out.add(s);
                    }
                }
            }
            out.sort((a, b) -> a.labels().compareTo(b.labels()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean matchesAll(Labels l, List<LabelMatcher> filters) {
        for (LabelMatcher m : filters) {
            if (!m.matches(l.getOrEmpty(m.name()))) {
                return false;
            }
        }
        return true;
    }

    private int[] postingsFor(LabelMatcher m) {
        Map<String, IntList> values = postings.get(m.name());
        if (values == null) {
            return new int[0];
        }
        if (m.op() == MatchOp.EQUAL) {
            IntList l = values.get(m.value());
            return l == null ? new int[0] : l.toArray();
        }
        IntList union = new IntList();
        for (Map.Entry<String, IntList> e : values.entrySet()) {
            if (m.matches(e.getKey())) {
                union.addAll(e.getValue());
            }
        }
        int[] ids = union.toArray();
        Arrays.sort(ids);
        return ids;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A growable int array (series ids; appended in increasing order). */
    static final class IntList {
        private int[] a = new int[4];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void addAll(IntList o) {
            for (int i = 0; i < o.n; i++) {
                add(o.a[i]);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
