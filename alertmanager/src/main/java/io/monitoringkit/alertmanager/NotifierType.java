package io.monitoringkit.alertmanager;

import java.util.Optional;
import java.util.Set;

/**
 * The kinds of notifier a receiver may hold, with their {@code alertmanager.yml} key, the fields Alertmanager
 * 0.25 knows for the typed kinds, and which fields are secrets.
 *
 * <p>{@link #MSTEAMS} is newer than Alertmanager 0.25 (it came with 0.26); an Alertmanager 0.25 rejects a
 * configuration using it, and monitoring-kit validates it by its own rules ({@code webhook_url} required).
 *
 * <pre>{@code
 * NotifierType.fromKey("slack_configs");   // Optional[SLACK]
 * NotifierType.SLACK.isSecret("api_url");  // true
 * }</pre>
 */
public enum NotifierType {
    /** {@code email_configs}. */
    EMAIL("email_configs", true, Set.of("send_resolved", "to", "from", "hello", "smarthost", "auth_username",
            "auth_password", "auth_secret", "auth_identity", "headers", "html", "text", "require_tls", "tls_config"),
            Set.of("auth_password", "auth_secret")),
    /** {@code pagerduty_configs}. */
    PAGERDUTY("pagerduty_configs", true, Set.of("send_resolved", "http_config", "service_key", "service_key_file",
            "routing_key", "routing_key_file", "url", "client", "client_url", "description", "details", "images",
            "links", "source", "severity", "class", "component", "group"),
            Set.of("service_key", "routing_key")),
    /** {@code webhook_configs}. */
    WEBHOOK("webhook_configs", true, Set.of("send_resolved", "http_config", "url", "max_alerts"), Set.of("url")),
    /** {@code slack_configs}. */
    SLACK("slack_configs", true, Set.of("send_resolved", "http_config", "api_url", "api_url_file", "channel",
            "username", "color", "title", "title_link", "pretext", "text", "fields", "short_fields", "footer",
            "fallback", "callback_id", "icon_emoji", "icon_url", "image_url", "thumb_url", "link_names",
            "mrkdwn_in", "actions"), Set.of("api_url")),
    /** {@code opsgenie_configs}. */
    OPSGENIE("opsgenie_configs", true, Set.of("send_resolved", "http_config", "api_key", "api_key_file", "api_url",
            "message", "description", "source", "details", "entity", "responders", "actions", "tags", "note",
            "priority", "update_alerts"), Set.of("api_key")),
    /** {@code msteams_configs} (Alertmanager 0.26 and later; validated by monitoring-kit's own rules). */
    MSTEAMS("msteams_configs", true, Set.of("send_resolved", "http_config", "webhook_url", "webhook_url_file",
            "title", "summary", "text"), Set.of("webhook_url")),
    /** {@code discord_configs} (generic). */
    DISCORD("discord_configs", false, Set.of(), Set.of("webhook_url")),
    /** {@code pushover_configs} (generic). */
    PUSHOVER("pushover_configs", false, Set.of(), Set.of("user_key", "token")),
    /** {@code sns_configs} (generic). */
    SNS("sns_configs", false, Set.of(), Set.of("secret_key")),
    /** {@code telegram_configs} (generic). */
    TELEGRAM("telegram_configs", false, Set.of(), Set.of("bot_token")),
    /** {@code victorops_configs} (generic). */
    VICTOROPS("victorops_configs", false, Set.of(), Set.of("api_key")),
    /** {@code webex_configs} (generic). */
    WEBEX("webex_configs", false, Set.of(), Set.of()),
    /** {@code wechat_configs} (generic). */
    WECHAT("wechat_configs", false, Set.of(), Set.of("api_secret"));

    private final String key;
    private final boolean typed;
    private final Set<String> fields;
    private final Set<String> secrets;

    NotifierType(String key, boolean typed, Set<String> fields, Set<String> secrets) {
        this.key = key;
        this.typed = typed;
        this.fields = fields;
        this.secrets = secrets;
    }

    /** The receiver's YAML key, e.g. {@code email_configs}. */
    public String key() {
        return key;
    }

    /**
     * Whether monitoring-kit models this kind with its field list (email, PagerDuty, webhook, Slack, OpsGenie,
     * Microsoft Teams); the other kinds are generic: any field is accepted and only required fields are checked.
     */
    public boolean isTyped() {
        return typed;
    }

    /** The fields of a typed kind (empty for generic kinds). */
    public Set<String> fields() {
        return fields;
    }

    /** Whether {@code field} holds a secret (never printed by {@code toString()}). */
    public boolean isSecret(String field) {
        return secrets.contains(field);
    }

    /** Whether Alertmanager 0.25 knows this kind. */
    public boolean inAlertmanager025() {
        return this != MSTEAMS;
    }

    /** The kind whose YAML key is {@code key}. */
    public static Optional<NotifierType> fromKey(String key) {
        for (NotifierType t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
