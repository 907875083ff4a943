package io.monitoringkit.grafana;

import java.io.IOException;

/**
 * An error response of the Grafana HTTP API, typed by what a caller handles: authentication, permission, a
 * missing object, a version mismatch (someone else saved first), a name or uid that exists, and the rest.
 * Keeps Grafana's own {@code message} and {@code status}; never contains credentials.
 *
 * <pre>{@code
 * try {
 *     grafana.save(dashboard, SaveOptions.inFolder("team-a").message("deploy 42"));
 * } catch (GrafanaApiException e) {
 *     if (e.kind() == GrafanaApiException.Kind.VERSION_MISMATCH) {
 *         // re-read, merge, retry; or save with overwrite
 *     }
 * }
 * }</pre>
 */
public final class GrafanaApiException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 400: the request was invalid (e.g. a dashboard without title). */
        BAD_REQUEST,
        /** 401: no or wrong credentials. */
        UNAUTHORIZED,
        /** 403: the credentials lack a permission. */
        FORBIDDEN,
        /** 404: no such dashboard, folder or data source. */
        NOT_FOUND,
        /** 409: a conflict (e.g. a folder uid that exists). */
        CONFLICT,
        /** 412 {@code version-mismatch}: the dashboard or folder was changed by someone else. */
        VERSION_MISMATCH,
        /** 412 {@code name-exists}: a dashboard with the same name in the folder, or the same uid, exists. */
        NAME_EXISTS,
        /** 412 {@code plugin-dashboard}: the dashboard belongs to a plugin. */
        PLUGIN_DASHBOARD,
        /** 412 with another status. */
        PRECONDITION_FAILED,
        /** 5xx. */
        SERVER_ERROR,
        /** Any other status, or a response that is not what the API documents. */
        OTHER
    }

    private final Kind kind;
    private final int httpStatus;
    private final String grafanaStatus;
    private final String serverMessage;

    GrafanaApiException(Kind kind, int httpStatus, String grafanaStatus, String serverMessage, String request) {
        super(request + ": HTTP " + httpStatus + " " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (serverMessage.isEmpty() ? "" : ": " + serverMessage)
                + (grafanaStatus.isEmpty() ? "" : " (status " + grafanaStatus + ")"));
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.grafanaStatus = grafanaStatus;
        this.serverMessage = serverMessage;
    }

    static Kind kindOf(int http, String status) {
        return switch (http) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 412 -> switch (status) {
                case "version-mismatch" -> Kind.VERSION_MISMATCH;
                case "name-exists" -> Kind.NAME_EXISTS;
                case "plugin-dashboard" -> Kind.PLUGIN_DASHBOARD;
                default -> Kind.PRECONDITION_FAILED;
            };
            default -> http >= 500 ? Kind.SERVER_ERROR : Kind.OTHER;
        };
    }

    /** @return the kind. */
    public Kind kind() {
        return kind;
    }

    /** @return the HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return Grafana's {@code status} field ({@code version-mismatch}, ...), or "". */
    public String grafanaStatus() {
        return grafanaStatus;
    }

    /** @return Grafana's {@code message} (or a redacted excerpt of a body that is not JSON). */
    public String serverMessage() {
        return serverMessage;
    }
}
