package io.monitoringkit.test.internal;

import io.monitoringkit.test.PromtoolRuleTests;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides one invocation of a {@link PromtoolRuleTests} method per promtool test group; each runs the method, then
 * the test group.
 *
 * <pre>{@code
 * @PromtoolRuleTests("src/test/rules")   // meta-annotated with @ExtendWith(PromtoolRuleTestsExtension.class)
 * void promtoolTests() {
 * }
 * }</pre>
 */
public final class PromtoolRuleTestsExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, PromtoolRuleTests.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        PromtoolRuleTests config = AnnotationSupport.findAnnotation(method, PromtoolRuleTests.class)
                .orElseThrow(() -> new IllegalStateException(method + " is not annotated with @PromtoolRuleTests"));
        return PromtoolCases.find(Path.of(config.value())).stream().map(GroupInvocation::new);
    }

    /** One test group. */
    private record GroupInvocation(PromtoolCases.Case testCase) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return testCase.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new InvocationInterceptor() {
                @Override
                public void interceptTestTemplateMethod(Invocation<Void> invocation,
                        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
                        throws Throwable {
                    invocation.proceed();
                    testCase.run();
                }
            });
        }
    }
}
