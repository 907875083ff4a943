package io.monitoringkit.template;

import io.monitoringkit.model.Labels;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The data an alert template renders: the alert's labels and value ({@code $labels}, {@code $value},
 * {@code .Labels}, {@code .Value}), the external labels and URL ({@code $externalLabels}, {@code $externalURL}),
 * plus what the functions {@code query}, {@code now}, {@code externalURL} and {@code pathPrefix} need. Immutable;
 * each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * TemplateData data = TemplateData.forAlert(Labels.of("job", "api", "instance", "a:9090"), 0.42)
 *         .externalUrl("https://prometheus.example.com/prom")
 *         .externalLabels(Labels.of("cluster", "eu1"))
 *         .evaluationTime(Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 */
public final class TemplateData {

    private final Labels labels;
    private final double value;
    private final Labels externalLabels;
    private final String externalUrl;
    private final TemplateQueryFunction queryFunction;
    private final Instant evaluationTime;

    private TemplateData(Labels labels, double value, Labels externalLabels, String externalUrl,
                         TemplateQueryFunction queryFunction, Instant evaluationTime) {
        this.labels = labels;
        this.value = value;
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
        this.queryFunction = queryFunction;
        this.evaluationTime = evaluationTime;
    }

    /** @return data for an alert with these labels and value; no external labels or URL. */
    public static TemplateData forAlert(Labels labels, double value) {
        Objects.requireNonNull(labels, "labels");
        return new TemplateData(labels, value, Labels.empty(), "", TemplateQueryFunction.UNAVAILABLE, Instant.EPOCH);
    }

    /** @return data for an alert with these labels and value; no external labels or URL. */
    public static TemplateData forAlert(Map<String, String> labels, double value) {
        return forAlert(Labels.from(labels), value);
    }

    /** @return a copy with these external labels. */
    public TemplateData externalLabels(Labels externalLabels) {
        return new TemplateData(labels, value, Objects.requireNonNull(externalLabels, "externalLabels"),
                externalUrl, queryFunction, evaluationTime);
    }

    /** @return a copy with these external labels. */
    public TemplateData externalLabels(Map<String, String> externalLabels) {
        return externalLabels(Labels.from(externalLabels));
    }

    /** @return a copy with this external URL (Prometheus' {@code --web.external-url}). */
    public TemplateData externalUrl(String externalUrl) {
        return new TemplateData(labels, value, externalLabels, Objects.requireNonNull(externalUrl, "externalUrl"),
                queryFunction, evaluationTime);
    }

    /** @return a copy whose {@code query} function calls {@code queryFunction}. */
    public TemplateData queryFunction(TemplateQueryFunction queryFunction) {
        return new TemplateData(labels, value, externalLabels, externalUrl,
                Objects.requireNonNull(queryFunction, "queryFunction"), evaluationTime);
    }

    /** @return a copy evaluated at {@code time} (what {@code now} returns and {@code query} runs at). */
    public TemplateData evaluationTime(Instant time) {
        return new TemplateData(labels, value, externalLabels, externalUrl, queryFunction,
                Objects.requireNonNull(time, "time"));
    }

    /** @return the alert's labels. */
    public Labels labels() {
        return labels;
    }

    /** @return the alert's value. */
    public double value() {
        return value;
    }

    /** @return the external labels. */
    public Labels externalLabels() {
        return externalLabels;
    }

    /** @return the external URL, "" when unset. */
    public String externalUrl() {
        return externalUrl;
    }

    /** @return the function {@code query} calls. */
    public TemplateQueryFunction queryFunction() {
        return queryFunction;
    }

    /** @return the evaluation time. */
    public Instant evaluationTime() {
        return evaluationTime;
    }

    @Override
    public String toString() {
        return "TemplateData{labels=" + labels + ", value=" + value + ", externalLabels=" + externalLabels
                + ", externalUrl=" + externalUrl + ", evaluationTime=" + evaluationTime + "}";
    }
}
