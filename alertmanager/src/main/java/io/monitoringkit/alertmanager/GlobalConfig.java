package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.internal.Redaction;
import io.monitoringkit.model.PromDuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code global} block of {@code alertmanager.yml}: defaults for every notifier (SMTP, Slack, PagerDuty,
 * OpsGenie, ... endpoints and credentials) and {@code resolve_timeout}. Secret settings are held as
 * {@link Secret}s.
 *
 * <pre>{@code
 * GlobalConfig global = GlobalConfig.builder()
 *         .resolveTimeout(PromDuration.ofMinutes(5))
 *         .smtpSmarthost("smtp.example.org:587").smtpFrom("alertmanager@example.org")
 *         .slackApiUrl(Secret.of(slackUrl))
 *         .build();
 * }</pre>
 */
public final class GlobalConfig {
    /** The fields Alertmanager 0.25 knows in {@code global}. */
    public static final Set<String> FIELDS = Set.of("resolve_timeout", "http_config", "smtp_from", "smtp_hello",
            "smtp_smarthost", "smtp_auth_username", "smtp_auth_password", "smtp_auth_secret", "smtp_auth_identity",
            "smtp_require_tls", "slack_api_url", "slack_api_url_file", "pagerduty_url", "opsgenie_api_url",
            "opsgenie_api_key", "opsgenie_api_key_file", "wechat_api_url", "wechat_api_secret", "wechat_api_corp_id",
            "victorops_api_url", "victorops_api_key", "victorops_api_key_file", "telegram_api_url", "webex_api_url");
    private static final Set<String> SECRETS = Set.of("smtp_auth_password", "smtp_auth_secret", "slack_api_url",
            "opsgenie_api_key", "wechat_api_secret", "victorops_api_key");

    private final Map<String, Object> fields;

    private GlobalConfig(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An empty builder (every setting at Alertmanager's default). */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code field} holds a secret. */
    public static boolean isSecret(String field) {
        return SECRETS.contains(field);
    }

    /** The settings in writing order (secrets as {@link Secret}). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** A setting's value as text (a secret revealed), when set to a scalar. */
    public Optional<String> text(String field) {
        Object v = fields.get(field);
        if (v instanceof Secret s) {
            return Optional.of(s.reveal());
        }
        return v instanceof String || v instanceof Boolean || v instanceof Number
                ? Optional.of(String.valueOf(v)) : Optional.empty();
    }

    /** Whether {@code field} is set. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fields.putAll(fields);
        return b;
    }

    static GlobalConfig of(Map<String, Object> fields) {
        return new GlobalConfig(fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalConfig g && fields.equals(g.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The settings, secrets as {@code <secret>}. */
    @Override
    public String toString() {
        return "GlobalConfig" + Redaction.render(fields);
    }

    /**
     * Builds a {@link GlobalConfig}.
     *
     * <pre>{@code
     * GlobalConfig.builder().opsGenieApiKey(Secret.of(key)).field("telegram_api_url", "https://api.telegram.org").build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a setting; a secret setting's string value is wrapped in a {@link Secret}.
         *
         * @throws IllegalArgumentException when Alertmanager has no such global setting
         */
        public Builder field(String name, Object value) {
            Objects.requireNonNull(value, "value of " + name);
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a global setting; known settings are "
                        + new java.util.TreeSet<>(FIELDS));
            }
            fields.put(name, value instanceof String s && isSecret(name) ? Secret.of(s) : value);
            return this;
        }

        /** Sets {@code resolve_timeout}. */
        public Builder resolveTimeout(PromDuration d) {
            return field("resolve_timeout", d.toString());
        }

        /** Sets {@code smtp_smarthost} ({@code host:port}). */
        public Builder smtpSmarthost(String hostPort) {
            return field("smtp_smarthost", hostPort);
        }

        /** Sets {@code smtp_from}. */
        public Builder smtpFrom(String from) {
            return field("smtp_from", from);
        }

        /** Sets {@code smtp_auth_username}. */
        public Builder smtpAuthUsername(String user) {
            return field("smtp_auth_username", user);
        }

        /** Sets {@code smtp_auth_password}. */
        public Builder smtpAuthPassword(Secret password) {
            return field("smtp_auth_password", password);
        }

        /** Sets {@code smtp_require_tls}. */
        public Builder smtpRequireTls(boolean value) {
            return field("smtp_require_tls", value);
        }

        /** Sets {@code slack_api_url}. */
        public Builder slackApiUrl(Secret url) {
            return field("slack_api_url", url);
        }

        /** Sets {@code pagerduty_url}. */
        public Builder pagerDutyUrl(String url) {
            return field("pagerduty_url", url);
        }

        /** Sets {@code opsgenie_api_key}. */
        public Builder opsGenieApiKey(Secret key) {
            return field("opsgenie_api_key", key);
        }

        /** Sets {@code opsgenie_api_url}. */
        public Builder opsGenieApiUrl(String url) {
            return field("opsgenie_api_url", url);
        }

        /** The settings. */
        public GlobalConfig build() {
            return new GlobalConfig(fields);
        }
    }
}
