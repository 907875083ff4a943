package io.monitoringkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailInputStreamTest {

    @Test
    void keepsTheLastBytesAcrossReadsOfAnySize() throws Exception {
        String text = "0123456789abcdefghijklmnopqrstuvwxyz";
        TailInputStream in = new TailInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 8);
        byte[] buf = new byte[5];
        in.read();
        while (in.read(buf, 0, 5) > 0) {
            assertThat(text).contains(in.tail());
        }
        assertThat(in.tail()).isEqualTo("stuvwxyz");
        assertThat(in.count()).isEqualTo(36);
    }

    @Test
    void shortBodiesAreKeptWhole() throws Exception {
        TailInputStream in = new TailInputStream(new ByteArrayInputStream("{\"a\"".getBytes()), 100);
        in.readAllBytes();
        assertThat(in.tail()).isEqualTo("{\"a\"");
    }
}
