package io.monitoringkit.engine.internal;

import java.util.ArrayList;

/** An instant vector at one evaluation step. */
public final class Vec extends ArrayList<Sample> {
    private static final long serialVersionUID = 1L;

    Vec() {
    }

    Vec(int capacity) {
        super(capacity);
    }
}
