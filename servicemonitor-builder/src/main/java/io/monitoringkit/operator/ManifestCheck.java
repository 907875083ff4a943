package io.monitoringkit.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one document of a manifest file: what it is and what is wrong with it.
 *
 * <pre>{@code
 * for (ManifestCheck c : Manifests.check(yaml)) {
 *     c.violations().forEach(v -> System.out.println(c.kind() + "/" + c.name() + ": " + v));
 * }
 * }</pre>
 *
 * @param document the 1-based index of the document in its file
 * @param kind the document's kind, "" when absent
 * @param name the document's metadata.name, "" when absent
 * @param violations everything wrong, empty when the document is valid
 * @param resource the fabric8 object, present when the document is valid
 */
public record ManifestCheck(int document, String kind, String name, List<Violation> violations,
                            Optional<HasMetadata> resource) {
    /** Copies the list and rejects nulls. */
    public ManifestCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        violations = List.copyOf(violations);
        Objects.requireNonNull(resource, "resource");
    }

    /** @return whether the document is valid */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** @return {@code Kind/name}, or {@code document N} when the document has neither */
    public String subject() {
        if (kind.isEmpty() && name.isEmpty()) {
            return "document " + document;
        }
        return (kind.isEmpty() ? "?" : kind) + "/" + (name.isEmpty() ? "?" : name);
    }
}
