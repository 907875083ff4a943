package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.internal.Redaction;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One notifier of a receiver (an entry of {@code email_configs}, {@code webhook_configs}, ...): its
 * {@link NotifierType} and its fields in the order they are written. Secret fields hold {@link Secret}s and are
 * printed as {@code <secret>} by {@link #toString()}. Field values are strings, booleans, numbers, secrets,
 * lists and maps (for nested blocks such as {@code http_config}).
 *
 * <pre>{@code
 * NotifierConfig pager = NotifierConfig.pagerDuty(Secret.of(routingKey)).severity("critical").build();
 * NotifierConfig hook = NotifierConfig.webhook("http://127.0.0.1:9099/hook").sendResolved(true).build();
 * NotifierConfig mail = NotifierConfig.email("oncall@example.org").smarthost("smtp.example.org:587").build();
 * NotifierConfig discord = NotifierConfig.generic(NotifierType.DISCORD)
 *         .secret("webhook_url", discordUrl).build();
 * }</pre>
 */
public final class NotifierConfig {
    private final NotifierType type;
    private final Map<String, Object> fields;

    private NotifierConfig(NotifierType type, Map<String, Object> fields) {
        this.type = type;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An email notifier sending to {@code to}. */
    public static EmailBuilder email(String to) {
        return new EmailBuilder().to(to);
    }

    /** A webhook notifier posting to {@code url} (a secret: it may carry a token). */
    public static WebhookBuilder webhook(String url) {
        return new WebhookBuilder().url(url);
    }

    /** A PagerDuty (Events API v2) notifier with {@code routingKey}. */
    public static PagerDutyBuilder pagerDuty(Secret routingKey) {
        return new PagerDutyBuilder().routingKey(routingKey);
    }

    /** A Slack notifier; set {@code api_url} here or {@code slack_api_url} in the global settings. */
    public static SlackBuilder slack() {
        return new SlackBuilder();
    }

    /** An OpsGenie notifier; set {@code api_key} here or {@code opsgenie_api_key} in the global settings. */
    public static OpsGenieBuilder opsGenie() {
        return new OpsGenieBuilder();
    }

    /** A Microsoft Teams notifier (Alertmanager 0.26+) posting to {@code webhookUrl}. */
    public static MsTeamsBuilder msTeams(Secret webhookUrl) {
        return new MsTeamsBuilder().secret("webhook_url", webhookUrl.reveal());
    }

    /** A notifier of any kind, fields set one by one. */
    public static GenericBuilder generic(NotifierType type) {
        return new GenericBuilder(type);
    }

    /** The kind. */
    public NotifierType type() {
        return type;
    }

    /** The fields in writing order (secrets as {@link Secret}). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** A field's value as text (a secret revealed), when it is a scalar. */
    public Optional<String> text(String field) {
        Object v = fields.get(field);
        if (v instanceof Secret s) {
            return Optional.of(s.reveal());
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Number) {
            return Optional.of(String.valueOf(v));
        }
        return Optional.empty();
    }

    /** Whether {@code field} is set. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** A builder of the same kind holding these fields. */
    public GenericBuilder toBuilder() {
        GenericBuilder b = new GenericBuilder(type);
        b.fields.putAll(fields);
        return b;
    }

    /** Creates a notifier from fields already read (secrets already wrapped). */
    static NotifierConfig of(NotifierType type, Map<String, Object> fields) {
        return new NotifierConfig(type, fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifierConfig n && type == n.type && fields.equals(n.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, fields);
    }

    /** The kind and fields, secrets as {@code <secret>}. */
    @Override
    public String toString() {
        return type.key() + Redaction.render(fields);
    }

    /**
     * The fields every notifier builder has.
     *
     * <pre>{@code
     * NotifierConfig.webhook(url).sendResolved(false).field("max_alerts", 10).build();
     * }</pre>
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        final NotifierType type;
        final Map<String, Object> fields = new LinkedHashMap<>();

        Builder(NotifierType type) {
            this.type = type;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /**
         * Sets a field; a secret field's string value is wrapped in a {@link Secret}.
         *
         * @throws IllegalArgumentException when a typed kind has no such field
         */
        public B field(String name, Object value) {
            Objects.requireNonNull(name, "field name");
            Objects.requireNonNull(value, "value of " + name);
            if (type.isTyped() && !type.fields().contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a field of " + type.key()
                        + "; known fields are " + new java.util.TreeSet<>(type.fields()));
            }
            fields.put(name, value instanceof String s && type.isSecret(name) ? Secret.of(s) : value);
            return self();
        }

        /** Sets a field holding a secret. */
        public B secret(String name, String value) {
            return field(name, Secret.of(value));
        }

        /** Sets {@code send_resolved}. */
        public B sendResolved(boolean value) {
            return field("send_resolved", value);
        }

        /** Sets the {@code http_config} block (keys as in Prometheus' HTTP client configuration). */
        public B httpConfig(Map<String, ?> httpConfig) {
            return field("http_config", Map.copyOf(httpConfig));
        }

        /** The notifier. */
        public NotifierConfig build() {
            return new NotifierConfig(type, fields);
        }
    }

    /**
     * Builds an {@code email_configs} entry.
     *
     * <pre>{@code
     * NotifierConfig.email("oncall@example.org").from("am@example.org").smarthost("smtp:587")
     *         .authUsername("am").authPassword(Secret.of(pw)).build();
     * }</pre>
     */
    public static final class EmailBuilder extends Builder<EmailBuilder> {
        EmailBuilder() {
            super(NotifierType.EMAIL);
        }

        /** Sets {@code to} (comma-separated addresses). */
        public EmailBuilder to(String to) {
            return field("to", to);
        }

        /** Sets {@code from}. */
        public EmailBuilder from(String from) {
            return field("from", from);
        }

        /** Sets {@code smarthost} ({@code host:port}). */
        public EmailBuilder smarthost(String hostPort) {
            return field("smarthost", hostPort);
        }

        /** Sets {@code auth_username}. */
        public EmailBuilder authUsername(String user) {
            return field("auth_username", user);
        }

        /** Sets {@code auth_password}. */
        public EmailBuilder authPassword(Secret password) {
            return field("auth_password", password);
        }

        /** Sets {@code require_tls}. */
        public EmailBuilder requireTls(boolean value) {
            return field("require_tls", value);
        }

        /** Sets {@code headers}. */
        public EmailBuilder headers(Map<String, String> headers) {
            return field("headers", Map.copyOf(headers));
        }
    }

    /**
     * Builds a {@code webhook_configs} entry.
     *
     * <pre>{@code
     * NotifierConfig.webhook("https://hooks.example.org/am").maxAlerts(20).build();
     * }</pre>
     */
    public static final class WebhookBuilder extends Builder<WebhookBuilder> {
        WebhookBuilder() {
            super(NotifierType.WEBHOOK);
        }

        /** Sets {@code url}. */
        public WebhookBuilder url(String url) {
            return secret("url", url);
        }

        /** Sets {@code max_alerts} (0: all). */
        public WebhookBuilder maxAlerts(int max) {
            return field("max_alerts", max);
        }
    }

    /**
     * Builds a {@code pagerduty_configs} entry.
     *
     * <pre>{@code
     * NotifierConfig.pagerDuty(Secret.of(key)).severity("error").description("{{ .CommonAnnotations.summary }}").build();
     * }</pre>
     */
    public static final class PagerDutyBuilder extends Builder<PagerDutyBuilder> {
        PagerDutyBuilder() {
            super(NotifierType.PAGERDUTY);
        }

        /** Sets {@code routing_key} (Events API v2). */
        public PagerDutyBuilder routingKey(Secret key) {
            return field("routing_key", key);
        }

        /** Sets {@code service_key} (Events API v1). */
        public PagerDutyBuilder serviceKey(Secret key) {
            return field("service_key", key);
        }

        /** Sets {@code severity}. */
        public PagerDutyBuilder severity(String severity) {
            return field("severity", severity);
        }

        /** Sets {@code description}. */
        public PagerDutyBuilder description(String description) {
            return field("description", description);
        }
    }

    /**
     * Builds a {@code slack_configs} entry.
     *
     * <pre>{@code
     * NotifierConfig.slack().apiUrl(Secret.of(url)).channel("#alerts").build();
     * }</pre>
     */
    public static final class SlackBuilder extends Builder<SlackBuilder> {
        SlackBuilder() {
            super(NotifierType.SLACK);
        }

        /** Sets {@code api_url} (the incoming-webhook URL). */
        public SlackBuilder apiUrl(Secret url) {
            return field("api_url", url);
        }

        /** Sets {@code channel}. */
        public SlackBuilder channel(String channel) {
            return field("channel", channel);
        }

        /** Sets {@code title}. */
        public SlackBuilder title(String title) {
            return field("title", title);
        }

        /** Sets {@code text}. */
        public SlackBuilder text(String text) {
            return field("text", text);
        }
    }

    /**
     * Builds an {@code opsgenie_configs} entry.
     *
     * <pre>{@code
     * NotifierConfig.opsGenie().apiKey(Secret.of(key)).priority("P1").tags("db", "prod").build();
     * }</pre>
     */
    public static final class OpsGenieBuilder extends Builder<OpsGenieBuilder> {
        OpsGenieBuilder() {
            super(NotifierType.OPSGENIE);
        }

        /** Sets {@code api_key}. */
        public OpsGenieBuilder apiKey(Secret key) {
            return field("api_key", key);
        }

        /** Sets {@code api_url}. */
        public OpsGenieBuilder apiUrl(String url) {
            return field("api_url", url);
        }

        /** Sets {@code priority} (P1..P5). */
        public OpsGenieBuilder priority(String priority) {
            return field("priority", priority);
        }

        /** Sets {@code tags} (comma-separated). */
        public OpsGenieBuilder tags(String... tags) {
            return field("tags", String.join(",", Arrays.asList(tags)));
        }
    }

    /**
     * Builds a {@code msteams_configs} entry (Alertmanager 0.26+).
     *
     * <pre>{@code
     * NotifierConfig.msTeams(Secret.of(url)).title("{{ .CommonLabels.alertname }}").build();
     * }</pre>
     */
    public static final class MsTeamsBuilder extends Builder<MsTeamsBuilder> {
        MsTeamsBuilder() {
            super(NotifierType.MSTEAMS);
        }

        /** Sets {@code title}. */
        public MsTeamsBuilder title(String title) {
            return field("title", title);
        }

        /** Sets {@code text}. */
        public MsTeamsBuilder text(String text) {
            return field("text", text);
        }
    }

    /**
     * Builds a notifier of any kind field by field.
     *
     * <pre>{@code
     * NotifierConfig.generic(NotifierType.TELEGRAM).secret("bot_token", token).field("chat_id", 42).build();
     * }</pre>
     */
    public static final class GenericBuilder extends Builder<GenericBuilder> {
        GenericBuilder(NotifierType type) {
            super(Objects.requireNonNull(type, "type"));
        }

        /** The fields set so far. */
        public List<String> fieldNames() {
            return List.copyOf(fields.keySet());
        }
    }
}
