package org.ebpfj.harness;

import java.lang.reflect.Method;
import java.util.BitSet;
import java.util.Optional;

import org.ebpfj.kernel.CpuAffinity;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link PinnedToCpu}. It pins inside the invocation, on the thread that calls the method: JUnit
 * runs extension-registered interceptors inside its own ones, so even a {@code @Timeout} that moves the call to
 * another thread ({@code SEPARATE_THREAD}) gets that thread pinned.
 */
public final class CpuPinningExtension implements ExecutionCondition, InvocationInterceptor {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Verdict> problem = problem(context);
        if (problem.isPresent() && !StrictMode.isOn(context)) {
            return ConditionEvaluationResult.disabled(problem.get().reason());
        }
        return ConditionEvaluationResult.enabled("the requested CPU is available, or none is requested here");
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        pinned(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        pinned(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        pinned(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        pinned(invocation, context);
    }

    @SuppressWarnings("try") // the pin is held for its effect during the call
    private static void pinned(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<PinnedToCpu> pin = annotation(context);
        if (pin.isEmpty()) {
            invocation.proceed();
            return;
        }
        Optional<Verdict> problem = problem(context);
        if (problem.isPresent()) {
            invocation.skip();
            throw StrictMode.failure(problem.get());
        }
        try (CpuAffinity pinned = CpuAffinity.pin(cpu(pin.get(), CpuAffinity.current()))) {
            invocation.proceed();
        }
    }

    /** The annotation on the method, else on the class or an enclosing class. */
    private static Optional<PinnedToCpu> annotation(ExtensionContext context) {
        Optional<PinnedToCpu> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, PinnedToCpu.class));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> c : context.getTestClass().map(FixtureSettings::classAndEnclosing).orElse(java.util.List.of())) {
            Optional<PinnedToCpu> a = AnnotationSupport.findAnnotation(c, PinnedToCpu.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** Why the requested CPU cannot be used, if it cannot. */
    private static Optional<Verdict> problem(ExtensionContext context) {
        Optional<PinnedToCpu> pin = annotation(context);
        if (pin.isEmpty()) {
            return Optional.empty();
        }
        BitSet allowed = CpuAffinity.current();
        int requested = pin.get().value();
        if (allowed.isEmpty() || (requested != PinnedToCpu.FIRST_ALLOWED && !allowed.get(requested))) {
            return Optional.of(Verdict.skip("@PinnedToCpu(" + requested + ") needs CPU " + requested
                    + ", but this thread may run only on CPUs " + allowed + " (a cpuset or taskset restricts it;"
                    + " @PinnedToCpu without a value takes the first allowed CPU)"));
        }
        return Optional.empty();
    }

    private static int cpu(PinnedToCpu pin, BitSet allowed) {
        return pin.value() == PinnedToCpu.FIRST_ALLOWED ? allowed.nextSetBit(0) : pin.value();
    }
}
