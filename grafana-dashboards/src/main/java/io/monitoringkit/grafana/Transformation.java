package io.monitoringkit.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.grafana.internal.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A panel transformation: an id ({@code merge}, {@code organize}, {@code reduce}, ...) and its options.
 *
 * <pre>{@code
 * Transformation merge = Transformation.of("merge");
 * Transformation organize = Transformation.of("organize", options); // options: an ObjectNode
 * }</pre>
 */
public final class Transformation extends JsonBacked {

    private Transformation(ObjectNode json) {
        super(json);
    }

    /** @return the transformation {@code id} with empty options. */
    public static Transformation of(String id) {
        return of(id, Json.object());
    }

    /** @return the transformation {@code id} with {@code options} (copied). */
    public static Transformation of(String id, ObjectNode options) {
        ObjectNode o = Json.object();
        o.put("id", Objects.requireNonNull(id, "id"));
        o.set("options", options.deepCopy());
        return new Transformation(o);
    }

    static Transformation read(In in) {
        return new Transformation(in.rest);
    }

    /** @return the id. */
    public Optional<String> id() {
        return text("id");
    }
}
