package io.monitoringkit.alertmanager.internal;

import io.monitoringkit.alertmanager.Secret;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders configuration values for {@code toString()} with secrets and secret-looking keys masked. */
public final class Redaction {
    /** Keys of nested blocks (http_config, basic_auth, oauth2, ...) whose values are secrets. */
    public static final Set<String> SECRET_KEYS = Set.of("password", "credentials", "bearer_token",
            "client_secret", "secret_key", "api_key", "api_secret", "token", "bot_token", "user_key",
            "routing_key", "service_key", "auth_password", "auth_secret", "url", "api_url", "webhook_url",
            "smtp_auth_password", "smtp_auth_secret", "slack_api_url", "opsgenie_api_key", "victorops_api_key",
            "wechat_api_secret");

    private Redaction() {
    }

    /** {@code {k=v, ...}} with secrets as {@code <secret>}. */
    public static String render(Map<String, ?> map) {
        return map.entrySet().stream()
                .map(e -> e.getKey() + "=" + (SECRET_KEYS.contains(e.getKey()) && !(e.getValue() instanceof Map)
                        ? "<secret>" : renderValue(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String renderValue(Object v) {
        if (v instanceof Secret) {
            return "<secret>";
        }
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> sm = (Map<String, ?>) m;
            return render(sm);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Redaction::renderValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }
}
