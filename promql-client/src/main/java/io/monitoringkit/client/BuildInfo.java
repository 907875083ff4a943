package io.monitoringkit.client;

import java.util.Map;

/**
 * {@code /api/v1/status/buildinfo}.
 *
 * <pre>{@code
 * client.buildInfo().version();   // "2.42.0+ds"
 * }</pre>
 *
 * @param version the version
 * @param revision the VCS revision
 * @param branch the branch
 * @param buildUser who built it
 * @param buildDate when
 * @param goVersion the Go version
 * @param other any further fields (Mimir adds {@code application} and {@code features})
 */
public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate,
        String goVersion, Map<String, Object> other) {
    /** Copies the map. */
    public BuildInfo {
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
    }
}
