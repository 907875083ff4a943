package io.monitoringkit.template;

/**
 * A failure while rendering a template, worded as Go's text/template words it, e.g.
 * {@code template: summary:1:3: executing "summary" at <eq $value 1>: error calling eq: incompatible types for
 * comparison}. Note that Go's column in the message is a 0-based byte offset; {@link #column()} is 1-based and
 * counts characters.
 *
 * <pre>{@code
 * try {
 *     Templates.parse("summary", "{{ eq $value 1 }}").render(TemplateData.forAlert(Labels.empty(), 2));
 * } catch (TemplateExecException e) {
 *     e.reason(); // error calling eq: incompatible types for comparison
 * }
 * }</pre>
 */
public final class TemplateExecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;
    private final String context;
    private final String reason;

    /**
     * @param message Go's full message
     * @param templateName the name of the template being executed
     * @param line the 1-based line
     * @param column the 1-based column, in characters
     * @param context the action being executed, as Go prints it
     * @param reason the cause
     */
    public TemplateExecException(String message, String templateName, int line, int column, String context,
                                 String reason) {
        super(message);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.context = context;
        this.reason = reason;
    }

    /** @return the name of the template being executed (a {@code define}d one, or the top-level one). */
    public String templateName() {
        return templateName;
    }

    /** @return the 1-based line. */
    public int line() {
        return line;
    }

    /** @return the 1-based column, in characters. */
    public int column() {
        return column;
    }

    /** @return the node being executed, as Go prints it (e.g. {@code eq $value 1}). */
    public String context() {
        return context;
    }

    /** @return the cause, e.g. {@code error calling eq: incompatible types for comparison}. */
    public String reason() {
        return reason;
    }
}
