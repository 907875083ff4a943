package io.monitoringkit.client;

import java.util.Map;

/**
 * {@code /api/v1/status/runtimeinfo}. The common fields are typed; all fields are in {@link #fields()}.
 *
 * <pre>{@code
 * RuntimeInfo r = client.runtimeInfo();
 * r.storageRetention();   // "15d"
 * }</pre>
 *
 * @param startTime when the server started (RFC 3339)
 * @param cwd its working directory
 * @param reloadConfigSuccess whether the last reload succeeded
 * @param lastConfigTime when the config was last loaded
 * @param goroutineCount goroutines
 * @param storageRetention the retention setting
 * @param fields every field as sent (numbers as Double, booleans as Boolean)
 */
public record RuntimeInfo(String startTime, String cwd, boolean reloadConfigSuccess, String lastConfigTime,
        long goroutineCount, String storageRetention, Map<String, Object> fields) {
    /** Copies the map. */
    public RuntimeInfo {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
