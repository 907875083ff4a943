package io.monitoringkit.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

/** Copies the current JSON value of a parser to compact text. */
public final class JsonText {
    private JsonText() {
    }

    /** @return the value the parser is on, as compact JSON */
    public static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ApiDecoder.FACTORY.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }
}
