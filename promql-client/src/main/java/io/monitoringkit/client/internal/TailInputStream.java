package io.monitoringkit.client.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Remembers the last bytes read, so a decoding error can show where the body went wrong. */
public final class TailInputStream extends FilterInputStream {
    private final byte[] ring;
    private long count;

    /** @param in the body stream @param size how many trailing bytes to keep */
    public TailInputStream(InputStream in, int size) {
        super(in);
        this.ring = new byte[size];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ring[(int) (count++ % ring.length)] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            int keep = Math.min(n, ring.length);
            count += n - keep;
            int from = off + n - keep;
            int pos = (int) (count % ring.length);
            int first = Math.min(keep, ring.length - pos);
            System.arraycopy(b, from, ring, pos, first);
            System.arraycopy(b, from + first, ring, 0, keep - first);
            count += keep;
        }
        return n;
    }

    /** @return the number of bytes read so far. */
    public long count() {
        return count;
    }

    /** @return the last bytes read as text (UTF-8, lenient). */
    public String tail() {
        int n = (int) Math.min(count, ring.length);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((count - n + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
