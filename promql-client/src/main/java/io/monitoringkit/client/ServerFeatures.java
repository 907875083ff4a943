package io.monitoringkit.client;

import java.util.Optional;

/**
 * What the server supports, from its {@code /api/v1/status/buildinfo}. Prometheus silently ignores parameters it
 * does not know, so before sending a version-dependent parameter the client checks it here. Servers that are not
 * Prometheus (Thanos, Mimir, VictoriaMetrics report other versions or none) are {@linkplain #unknown() unknown}:
 * nothing is refused.
 *
 * <pre>{@code
 * ServerFeatures f = client.features();
 * f.version();                                    // Optional[2.42.0]
 * f.supports(ServerFeatures.Feature.LOOKBACK_DELTA); // false
 * }</pre>
 *
 * @param prometheusVersion the Prometheus version, {@code null} when unknown
 */
public record ServerFeatures(PromVersion prometheusVersion) {

    /** @return features of a server whose version is unknown: everything is assumed supported. */
    public static ServerFeatures unknown() {
        return new ServerFeatures(null);
    }

    /** @return the Prometheus version, if known. */
    public Optional<PromVersion> version() {
        return Optional.ofNullable(prometheusVersion);
    }

    /** @return whether the server supports {@code feature} (true when the version is unknown). */
    public boolean supports(Feature feature) {
        return prometheusVersion == null || prometheusVersion.compareTo(feature.since()) >= 0;
    }

    /**
     * Version-dependent request parameters.
     *
     * <pre>{@code
     * ServerFeatures.Feature.SERIES_LIMIT.since();   // 2.51.0
     * }</pre>
     */
    public enum Feature {
        /** {@code lookback_delta} on query and query_range (Prometheus PR 12088). */
        LOOKBACK_DELTA("lookback_delta", new PromVersion(2, 43, 0)),
        /** {@code limit} on series, labels and label values (PR 13396). */
        SERIES_LIMIT("limit on series, labels and label values", new PromVersion(2, 51, 0)),
        /** {@code limit} on query and query_range (PR 15552). */
        QUERY_LIMIT("limit on query and query_range", new PromVersion(3, 2, 0));

        private final String description;
        private final PromVersion since;

        Feature(String description, PromVersion since) {
            this.description = description;
            this.since = since;
        }

        /** @return the first Prometheus version with the feature. */
        public PromVersion since() {
            return since;
        }

        /** @return what the feature is, for messages. */
        public String description() {
            return description;
        }
    }

    /**
     * A Prometheus version, {@code major.minor.patch}; build suffixes ({@code +ds}, {@code -rc.0}) are ignored.
     *
     * <pre>{@code
     * PromVersion.parse("2.42.0+ds");   // Optional[2.42.0]
     * }</pre>
     *
     * @param major the major version
     * @param minor the minor version
     * @param patch the patch version
     */
    public record PromVersion(int major, int minor, int patch) implements Comparable<PromVersion> {

        /** @return the version in {@code text}, empty when it does not start with {@code N.N.N}. */
        public static Optional<PromVersion> parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)").matcher(text);
            if (!m.find()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new PromVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(PromVersion o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
