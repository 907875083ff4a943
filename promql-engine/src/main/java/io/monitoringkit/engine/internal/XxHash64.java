package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** XXH64 (seed 0) and Prometheus' label-set hash built on it ({@code name 0xff value 0xff ...}). */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    /** @return Prometheus' {@code labels.Labels.Hash()}. */
    static long labelsHash(Labels l) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        for (int i = 0; i < l.size(); i++) {
            b.writeBytes(l.name(i).getBytes(StandardCharsets.UTF_8));
            b.write(0xff);
            b.writeBytes(l.value(i).getBytes(StandardCharsets.UTF_8));
            b.write(0xff);
        }
        return hash(b.toByteArray());
    }

    static long hash(byte[] d) {
        int len = d.length;
        int p = 0;
        long h;
        if (len >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            for (; p + 32 <= len; p += 32) {
                v1 = round(v1, le64(d, p));
                v2 = round(v2, le64(d, p + 8));
                v3 = round(v3, le64(d, p + 16));
                v4 = round(v4, le64(d, p + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += len;
        for (; p + 8 <= len; p += 8) {
            h ^= round(0, le64(d, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p + 4 <= len) {
            h ^= (le32(d, p) & 0xffffffffL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        for (; p < len; p++) {
            h ^= (d[p] & 0xffL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long acc, long val) {
        acc ^= round(0, val);
        return acc * P1 + P4;
    }

    private static long le64(byte[] d, int p) {
        long r = 0;
        for (int i = 7; i >= 0; i--) {
            r = (r << 8) | (d[p + i] & 0xffL);
        }
        return r;
    }

    private static int le32(byte[] d, int p) {
        return (d[p] & 0xff) | (d[p + 1] & 0xff) << 8 | (d[p + 2] & 0xff) << 16 | (d[p + 3] & 0xff) << 24;
    }
}
