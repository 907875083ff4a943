package io.monitoringkit.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Law: parse(write(x)) equals x, for generated families with nasty label values and help texts. */
class ExpositionRoundTripProperties {

    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "{", "}", ",", "=",
        "#", "é", "ü", "✓", "😀", "\u00a0", "\\n", "\\\"", "le", "# EOF", "\u2028"};

    @Property(tries = 300)
    void openMetricsRoundTrips(@ForAll("openMetrics") Exposition x) {
        String text = ExpositionWriter.write(x, ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionParser.parse(text, ExpositionFormat.OPENMETRICS)).as(text).isEqualTo(x);
    }

    @Property(tries = 300)
    void textFormatRoundTrips(@ForAll("text") Exposition x) {
        String text = ExpositionWriter.write(x, ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionParser.parse(text, ExpositionFormat.PROMETHEUS_TEXT)).as(text).isEqualTo(x);
    }

    @Provide
    Arbitrary<Exposition> openMetrics() {
        return Arbitraries.randomValue(r -> exposition(r, true));
    }

    @Provide
    Arbitrary<Exposition> text() {
        return Arbitraries.randomValue(r -> exposition(r, false));
    }

    static Exposition exposition(Random r, boolean om) {
        int n = r.nextInt(6);
        List<MetricFamily> families = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            families.add(family(r, om, i));
        }
        return new Exposition(families);
    }

    private static MetricFamily family(Random r, boolean om, int index) {
        MetricType[] types = om ? MetricType.values() : new MetricType[] {MetricType.COUNTER, MetricType.GAUGE,
            MetricType.HISTOGRAM, MetricType.SUMMARY, MetricType.UNKNOWN};
        MetricType type = types[r.nextInt(types.length)];
        String unit = om && r.nextInt(3) == 0 ? pick(r, "seconds", "bytes", "ratio", "x1") : "";
        String name = "f" + index + "_" + ident(r, type == MetricType.STATESET ? "abcxyz_" : "abcxyz_:") + (unit.isEmpty() ? "" : "_" + unit);
        String help = r.nextInt(4) == 0 ? "" : nasty(r);
        if (!om) {
            help = help.replaceFirst("^[ \t]+", "x"); // the text format cannot carry leading blanks in help
        }
        List<String> suffixes = om ? type.suffixes() : switch (type) {
            case HISTOGRAM -> List.of("_bucket", "_count", "_sum");
            case SUMMARY -> List.of("", "_count", "_sum");
            default -> List.of("");
        };
        List<Sample> samples = new ArrayList<>();
        int count = r.nextInt(5);
        for (int i = 0; i < count; i++) {
            String suffix = suffixes.get(r.nextInt(suffixes.size()));
            Map<String, String> labels = new LinkedHashMap<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                labels.put(ident(r, "abc_"), nasty(r));
            }
            labels.remove("le");
            labels.remove("quantile");
            if (suffix.equals("_bucket")) {
                labels.put("le", pick(r, "0.1", "1", "+Inf", "1e3"));
            }
            if (type == MetricType.SUMMARY && suffix.isEmpty()) {
                labels.put("quantile", pick(r, "0.5", "0.99", "1"));
            }
            if (type == MetricType.STATESET) {
                labels.put(name, nasty(r));
            }
            Sample s = Sample.of(name + suffix, Labels.from(labels), value(r));
            if (r.nextBoolean()) {
                s = s.withTimestampMillis(r.nextLong() % 10_000_000_000_000L);
            }
            if (om && type.allowsExemplar(suffix) && r.nextBoolean()) {
                Exemplar e = Exemplar.of(r.nextBoolean() ? Labels.empty()
                        : Labels.of("trace_id", nasty(r)), value(r));
                if (r.nextBoolean()) {
                    e = e.withTimestampMillis(r.nextLong() % 10_000_000_000_000L);
                }
                s = s.withExemplar(e);
            }
            samples.add(s);
        }
        return new MetricFamily(name, type, help, unit, samples);
    }

    private static double value(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> r.nextBoolean() ? 0.0 : -0.0;
            case 3 -> r.nextInt(1000);
            case 4 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            case 5 -> Double.MIN_VALUE * r.nextInt(100);
            default -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
        };
    }

    private static String ident(Random r, String chars) {
        StringBuilder sb = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        for (int i = r.nextInt(6); i > 0; i--) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static String nasty(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
