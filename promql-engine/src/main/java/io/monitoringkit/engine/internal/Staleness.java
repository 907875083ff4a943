package io.monitoringkit.engine.internal;

/** Prometheus' staleness marker: a NaN with a dedicated bit pattern, distinct from an ordinary NaN value. */
public final class Staleness {
    /** The bit pattern of the marker, as in Prometheus' {@code value.StaleNaN}. */
    public static final long STALE_NAN_BITS = 0x7ff0000000000002L;
    /** The marker value. */
    public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

    private Staleness() {
    }

    /** @return whether {@code v} is the staleness marker (ordinary NaNs are not). */
    public static boolean isStale(double v) {
        return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
    }
}
