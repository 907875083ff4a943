package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;

/**
 * A series of a range-vector argument: the points (staleness markers removed) covering every step's window.
 *
 * @param metric   the labels
 * @param dropName whether the name is to be dropped (a subquery over a name-dropping expression)
 * @param ts       timestamps, ascending
 * @param vs       values
 */
public record RSeries(Labels metric, boolean dropName, long[] ts, double[] vs) {

    /** @return the index of the first point with timestamp {@code > t}. */
    int firstAfter(long t) {
        int lo = 0;
        int hi = ts.length;
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
}
