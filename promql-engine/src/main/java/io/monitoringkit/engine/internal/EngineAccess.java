package io.monitoringkit.engine.internal;

import io.monitoringkit.engine.PromEngine;
import io.monitoringkit.engine.Storage;

import java.util.function.Function;

/**
 * Gives implementation packages (rule evaluation) the internals of {@link Storage} and {@link PromEngine} without
 * making them public API. {@code Storage} and {@code PromEngine} register their accessors when their classes
 * initialize, which has happened by the time an instance exists.
 */
public final class EngineAccess {
    private static volatile Function<Storage, SeriesStore> storeAccessor;
    private static volatile Function<PromEngine, EngineOptions> optionsAccessor;

    private EngineAccess() {
    }

    /** Called once by {@link Storage}. */
    public static void registerStore(Function<Storage, SeriesStore> accessor) {
        storeAccessor = accessor;
    }

    /** Called once by {@link PromEngine}. */
    public static void registerOptions(Function<PromEngine, EngineOptions> accessor) {
        optionsAccessor = accessor;
    }

    /** @return the series store behind {@code storage}. */
    public static SeriesStore store(Storage storage) {
        return storeAccessor.apply(storage);
    }

    /** @return the evaluation options of {@code engine}. */
    public static EngineOptions options(PromEngine engine) {
        return optionsAccessor.apply(engine);
    }
}
