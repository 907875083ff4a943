package io.monitoringkit.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Time-boxed mutation fuzzing: at least 100,000 mutated expositions (more while the time box lasts). The parser
 * must return a model or throw its {@link ExpositionParseException} with a position inside the input; any other
 * exception fails the test with the input that caused it.
 */
class ExpositionFuzzTest {

    private static final int MIN_INPUTS = 100_000;
    private static final long TIME_BOX_NANOS = 3_000_000_000L;
    private static final byte[] INTERESTING = "{}\",=\\ \n\t#_:.+-eE0129aZ\r".getBytes(StandardCharsets.UTF_8);

    @Test
    void parserReturnsAModelOrAPositionedParseError() {
        List<byte[]> seeds = new ArrayList<>();
        Random r = new Random(20261125);
        for (ExpositionFormat f : ExpositionFormat.values()) {
            boolean om = f == ExpositionFormat.OPENMETRICS;
            seeds.add((om ? ClientLibraryOutputs.simpleclientOpenMetrics() : ClientLibraryOutputs.simpleclient004())
                    .getBytes(StandardCharsets.UTF_8));
            seeds.add((om ? ClientLibraryOutputs.clientJavaOpenMetrics() : ClientLibraryOutputs.clientJava004())
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                seeds.add(ExpositionWriter.write(ExpositionRoundTripProperties.exposition(r, om), f)
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        long start = System.nanoTime();
        int inputs = 0;
        int parsed = 0;
        int rejected = 0;
        while (inputs < MIN_INPUTS || System.nanoTime() - start < TIME_BOX_NANOS && inputs < 1_000_000) {
            int seedIndex = r.nextInt(seeds.size());
            ExpositionFormat format = seedIndex < seeds.size() / 2 ? ExpositionFormat.PROMETHEUS_TEXT
                    : ExpositionFormat.OPENMETRICS;
            if (r.nextInt(10) == 0) {
                format = format == ExpositionFormat.OPENMETRICS ? ExpositionFormat.PROMETHEUS_TEXT
                        : ExpositionFormat.OPENMETRICS;
            }
            byte[] input = mutate(seeds.get(seedIndex), r);
            inputs++;
            try {
                ExpositionParser.parse(input, format);
                parsed++;
            } catch (ExpositionParseException e) {
                rejected++;
                long lines = 1;
                for (byte b : input) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                if (e.line() < 1 || e.line() > lines + 1 || e.column() < 1) {
                    throw new AssertionError("bad position " + e.line() + ":" + e.column() + " for input "
                            + show(input), e);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(format + " input made the parser throw " + e + ": " + show(input), e);
            }
        }
        System.out.printf("fuzz: %d inputs (%d parsed, %d rejected) in %d ms%n", inputs, parsed, rejected,
                (System.nanoTime() - start) / 1_000_000);
        assertThat(inputs).isGreaterThanOrEqualTo(MIN_INPUTS);
        assertThat(parsed).as("some mutants stay valid").isPositive();
        assertThat(rejected).as("most mutants are rejected").isPositive();
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.length > 600 ? slice(seed, r) : seed.clone();
        for (int m = 1 + r.nextInt(3); m > 0; m--) {
            if (b.length == 0) {
                return new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
            }
            int at = r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = insert(b, at, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(8));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 4 -> b = insert(b, at, Arrays.copyOfRange(b, r.nextInt(b.length), b.length)
                        .length > 0 ? Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(30))) : b);
                case 5 -> b = Arrays.copyOf(b, at);
                default -> b = insert(b, at, new byte[] {(byte) 0xC3, (byte) (r.nextBoolean() ? 0xBC : 0x28)});
            }
        }
        return b;
    }

    private static byte[] slice(byte[] seed, Random r) {
        int from = r.nextInt(seed.length);
        while (from > 0 && seed[from - 1] != '\n') {
            from--;
        }
        int to = Math.min(seed.length, from + 200 + r.nextInt(400));
        byte[] head = r.nextInt(4) == 0 ? new byte[0] : Arrays.copyOfRange(seed, from, to);
        return r.nextBoolean() ? insert(head, head.length, "# EOF\n".getBytes(StandardCharsets.UTF_8)) : head;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    private static String show(byte[] input) {
        return "\"" + new String(input, StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}
