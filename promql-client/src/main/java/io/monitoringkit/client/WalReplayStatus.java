package io.monitoringkit.client;

/**
 * {@code /api/v1/status/walreplay}.
 *
 * <pre>{@code
 * client.walReplay().current();
 * }</pre>
 *
 * @param min the first segment
 * @param max the last segment
 * @param current the segment being replayed
 * @param state {@code waiting}, {@code in progress} or {@code done} (newer servers), {@code ""} if not sent
 */
public record WalReplayStatus(long min, long max, long current, String state) {
}
