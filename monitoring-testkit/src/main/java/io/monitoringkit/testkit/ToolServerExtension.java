package io.monitoringkit.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit 5 extension that starts one server per test class (registered on a {@code static} field) or one per
 * test (on an instance field), keeps it in the {@link ExtensionContext.Store} so that JUnit stops it when the
 * class (or test) is done, and attaches the server's last log lines to every failing test. When the binary is
 * missing, the class's tests are skipped with the install hint.
 *
 * <pre>{@code
 * class RulesApiTest {
 *     @RegisterExtension
 *     static final ToolServerExtension<PrometheusServer> PROMETHEUS = ToolServerExtension.of(
 *             PrometheusServer.builder().config(CONFIG).file("rules.yml", RULES));
 *
 *     @Test
 *     void servesTheRules() {
 *         HttpResponse<String> rules = PROMETHEUS.server().get("/api/v1/rules");
 *         assertThat(rules.body()).contains("job:up:sum");
 *     }
 * }
 * }</pre>
 *
 * @param <S> the kind of server
 */
public final class ToolServerExtension<S extends ToolServer>
        implements BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler {
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final ToolServer.Builder<?, S> builder;
    private volatile S server;

    private ToolServerExtension(ToolServer.Builder<?, S> builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** An extension that starts {@code builder.start()} before the class's (or each test's) first use. */
    public static <S extends ToolServer> ToolServerExtension<S> of(ToolServer.Builder<?, S> builder) {
        return new ToolServerExtension<>(builder);
    }

    /**
     * The running server.
     *
     * @throws IllegalStateException outside the tests of the class that registered the extension
     */
    public S server() {
        S current = server;
        if (current == null) {
            throw new IllegalStateException("no server is running: use server() inside tests of a class that "
                    + "registers this extension with @RegisterExtension");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIn(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIn(context);
    }

    private synchronized void startIn(ExtensionContext context) {
        if (server != null) {
            return;
        }
        S started = builder.start();
        server = started;
        context.getStore(ExtensionContext.Namespace.create(ToolServerExtension.class, this))
                .put("server", new StoredServer(started));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        S current = server;
        if (current != null && !(throwable instanceof TestAbortedException)) {
            throwable.addSuppressed(new ServerLog(current + " log (last " + LOG_LINES_ON_FAILURE + " lines):\n"
                    + current.logTail(LOG_LINES_ON_FAILURE)));
        }
        throw throwable;
    }

    /** Closed by JUnit with the store; supports both the pre-5.13 and the current closing contract. */
    @SuppressWarnings("deprecation")
    private final class StoredServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final S stored;

        StoredServer(S stored) {
            this.stored = stored;
        }

        @Override
        public void close() {
            synchronized (ToolServerExtension.this) {
                if (server == stored) {
                    server = null;
                }
            }
            stored.close();
        }
    }

    /** The server's log, attached to a failing test as a suppressed exception. */
    static final class ServerLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServerLog(String message) {
            super(message, null, false, false);
        }
    }
}
