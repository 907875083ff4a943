package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;

import java.util.Arrays;

/**
 * One in-memory series: its labels and its samples in two parallel, growable, time-ordered primitive arrays.
 * Staleness markers are stored as samples carrying {@link Staleness#STALE_NAN}.
 */
public final class MemSeries {
    private final Labels labels;
    private final int id;
    private long[] ts = new long[16];
    private double[] vs = new double[16];
    private int size;
    private int staleMarkers;

    MemSeries(int id, Labels labels) {
        this.id = id;
        this.labels = labels;
    }

    /** @return the series' labels (including {@code __name__}). */
    public Labels labels() {
        return labels;
    }

    int id() {
        return id;
    }

    /** @return the number of samples, staleness markers included. */
    public int size() {
        return size;
    }

    /** @return the timestamp of sample {@code i}. */
    public long t(int i) {
        return ts[i];
    }

    /** @return the value of sample {@code i}. */
    public double v(int i) {
        return vs[i];
    }

    /** @return the newest timestamp, or {@link Long#MIN_VALUE} when empty. */
    public long maxTime() {
        return size == 0 ? Long.MIN_VALUE : ts[size - 1];
    }

    /**
     * Appends a sample; an older timestamp is rejected, an equal one replaces the newest sample's value (as a
     * rewritten scrape would).
     */
    void append(long t, double v) {
        if (size > 0 && t <= ts[size - 1]) {
            if (t == ts[size - 1]) {
                staleMarkers += (Staleness.isStale(v) ? 1 : 0) - (Staleness.isStale(vs[size - 1]) ? 1 : 0);
                vs[size - 1] = v;
                return;
            }
            throw new IllegalArgumentException("out-of-order sample for series " + labels + ": timestamp " + t
                    + " is older than the newest sample at " + ts[size - 1]);
        }
        if (size == ts.length) {
            int n = size + (size >> 1) + 16;
            ts = Arrays.copyOf(ts, n);
            vs = Arrays.copyOf(vs, n);
        }
        ts[size] = t;
        vs[size] = v;
        size++;
        if (Staleness.isStale(v)) {
            staleMarkers++;
        }
    }

    /** @return whether any sample is a staleness marker. */
    public boolean hasStaleMarkers() {
        return staleMarkers > 0;
    }

    /** Copies samples {@code [from, to)} into {@code tsOut}/{@code vsOut} from index 0 (bulk, no filtering). */
    public void copy(int from, int to, long[] tsOut, double[] vsOut) {
        System.arraycopy(ts, from, tsOut, 0, to - from);
        System.arraycopy(vs, from, vsOut, 0, to - from);
    }

    /** @return the index of the first sample with timestamp {@code > t} (binary search). */
    public int firstAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return bytes used by the sample arrays (capacity, not size). */
    long sampleBytes() {
        return (long) ts.length * Long.BYTES + (long) vs.length * Double.BYTES;
    }

    /** Shrinks the arrays to the exact size. */
    void trim() {
        if (ts.length != size) {
            ts = Arrays.copyOf(ts, size);
            vs = Arrays.copyOf(vs, size);
        }
    }
}
