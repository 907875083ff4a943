package io.monitoringkit.examples.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the demo; {@link Demo} fills it from the command line.
 *
 * <pre>{@code
 * DemoOptions o = DemoOptions.defaults().withDuration(Duration.ofSeconds(6)).withSpeed(Speed.of(300)).withPlain(true);
 * }</pre>
 *
 * @param duration       real run time
 * @param speed          service time per real time
 * @param color          ANSI colours in the live view
 * @param plain          one line per step instead of the live view
 * @param unicode        block characters in the live view (ASCII otherwise)
 * @param prometheusUrl  query this Prometheus instead of the in-process engine
 * @param out            where the generated artifacts go
 * @param port           the service's port, 0 for a free one
 * @param scrapeInterval service time between scrapes (and between steps of the view)
 * @param seed           the traffic's random seed
 */
public record DemoOptions(Duration duration, Speed speed, boolean color, boolean plain, boolean unicode,
                          Optional<URI> prometheusUrl, Path out, int port, Duration scrapeInterval, long seed) {

    /** The default run time on the simulated clock. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    /** The default run time against a real Prometheus: long enough for its alerts to play out. */
    public static final Duration DEFAULT_PROMETHEUS_DURATION = Duration.ofMinutes(30);
    /** The service's port against a real Prometheus, so that its configuration can name it. */
    public static final int DEFAULT_PROMETHEUS_PORT = 18080;

    /** Checks the values. */
    public DemoOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(prometheusUrl, "prometheusUrl");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(scrapeInterval, "scrapeInterval");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(duration + ": the duration must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(port + ": the port must be between 0 and 65535");
        }
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException(scrapeInterval + ": the scrape interval must be positive");
        }
    }

    /** 30 s at one minute per second, live view with colour and Unicode, artifacts under target/monitoring/. */
    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_DURATION, Speed.DEFAULT, true, false, true, Optional.empty(),
                Path.of("target", "monitoring"), 0, Duration.ofSeconds(15), 1);
    }

    /** The service time the run covers. */
    public Duration serviceTime() {
        return Duration.ofMillis(Math.round(duration.toMillis() * speed.factor()));
    }

    /** @return a copy with {@code v} */
    public DemoOptions withDuration(Duration v) {
        return new DemoOptions(v, speed, color, plain, unicode, prometheusUrl, out, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withSpeed(Speed v) {
        return new DemoOptions(duration, v, color, plain, unicode, prometheusUrl, out, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withColor(boolean v) {
        return new DemoOptions(duration, speed, v, plain, unicode, prometheusUrl, out, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withPlain(boolean v) {
        return new DemoOptions(duration, speed, color, v, unicode, prometheusUrl, out, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withUnicode(boolean v) {
        return new DemoOptions(duration, speed, color, plain, v, prometheusUrl, out, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withPrometheusUrl(URI v) {
        return new DemoOptions(duration, speed, color, plain, unicode, Optional.of(v), out, port, scrapeInterval,
                seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withOut(Path v) {
        return new DemoOptions(duration, speed, color, plain, unicode, prometheusUrl, v, port, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withPort(int v) {
        return new DemoOptions(duration, speed, color, plain, unicode, prometheusUrl, out, v, scrapeInterval, seed);
    }

    /** @return a copy with {@code v} */
    public DemoOptions withScrapeInterval(Duration v) {
        return new DemoOptions(duration, speed, color, plain, unicode, prometheusUrl, out, port, v, seed);
    }
}
