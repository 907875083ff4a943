package io.monitoringkit.template.internal;

import java.util.List;

/**
 * A function (or method) callable from a template, with the Go parameter types text/template checks arguments
 * against.
 *
 * @param name the name
 * @param params the fixed parameters
 * @param variadic the type of the variadic parameter, or null
 * @param builtin whether it is one of text/template's own (matters for {@code and}/{@code or})
 * @param impl the implementation
 */
public record Func(String name, List<PType> params, PType variadic, boolean builtin, Impl impl) {

    /** Copies. */
    public Func {
        params = List.copyOf(params);
    }

    /** The implementation; throws {@link FuncException} for Go's error result. */
    @FunctionalInterface
    public interface Impl {
        /** @return the result. */
        Object call(List<Object> args) throws FuncException;
    }

    /** A function's error result; the message is what Go's error says. */
    public static final class FuncException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message Go's error text */
        public FuncException(String message) {
            super(message, null, false, false);
        }
    }

    /** Go parameter types. */
    public enum PType {
        /** string. */
        STRING("string", false),
        /** float64. */
        FLOAT("float64", false),
        /** int. */
        INT("int", false),
        /** interface {}. */
        ANY("interface {}", true),
        /** reflect.Value: any value, including the invalid one. */
        VALUE("reflect.Value", true),
        /** template.queryResult. */
        QUERY_RESULT("template.queryResult", true),
        /** *template.sample. */
        SAMPLE("*template.sample", true);

        final String goName;
        final boolean canBeNil;

        PType(String goName, boolean canBeNil) {
            this.goName = goName;
            this.canBeNil = canBeNil;
        }

        boolean accepts(Object v) {
            return switch (this) {
                case STRING -> v instanceof String;
                case FLOAT -> v instanceof Double;
                case INT -> v instanceof Long;
                case ANY, VALUE -> true;
                case QUERY_RESULT -> v instanceof GoValues.QueryResult;
                case SAMPLE -> v instanceof GoValues.Sample || v == GoValues.NIL_SAMPLE;
            };
        }

        Object zero() {
            return switch (this) {
                case QUERY_RESULT -> new GoValues.QueryResult(List.of());
                case SAMPLE -> GoValues.NIL_SAMPLE;
                default -> null;
            };
        }
    }
}
