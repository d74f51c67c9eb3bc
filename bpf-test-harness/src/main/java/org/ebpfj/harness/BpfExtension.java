package org.ebpfj.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link BpfTest}, {@link RequiresMapType}, {@link RequiresProgramType} and
 * {@link RequiresKernel}; registered by those annotations.
 *
 * <ul>
 *   <li><b>Skip or fail.</b> Before a test runs, its requirements are checked: bpf() must be usable (else the
 *       reason names the missing capabilities), the kernel recent enough, the required map and program types
 *       supported. What the environment lacks skips the test with the reason; a type the kernel is new enough to
 *       have but refuses fails it. With {@code bpf.test.strict=true} (system property or JUnit configuration
 *       parameter) or {@code BPF_TEST_STRICT=true}, every skip fails instead, with the same reason.</li>
 *   <li><b>Load.</b> The object is loaded lazily when the test first needs it (fields before {@code @BeforeEach}
 *       methods, or a parameter), per test method or, with {@link BpfTest.Lifecycle#PER_CLASS}, once per class.
 *       </li>
 *   <li><b>Inject.</b> Fields and parameters: see {@link MapRef}, {@link ProgramRef}, {@link GlobalRef},
 *       {@link Attach}; a {@link org.ebpfj.kernel.BpfObject} by its type.</li>
 *   <li><b>Close.</b> Links, then the object (its maps and programs), then the test's pin directory, through the
 *       test's (or class's) {@link ExtensionContext.Store}, after the test, also when it failed.</li>
 * </ul>
 *
 * <p>Safe under JUnit's parallel execution: everything a test opens lives in its own context's store, and the
 * only state shared between tests (object bytes, kernel facts) is computed once in the root store.
 */
public final class BpfExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BpfExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() && !sharesClassFixture(context)) {
            // Per-method classes are judged test by test, so each test shows its own skip or failure.
            return ConditionEvaluationResult.enabled("requirements are checked for each test");
        }
        Verdict verdict = verdict(context);
        if (verdict.kind() == Verdict.Kind.SKIP && !StrictMode.isOn(context)) {
            SkipReport.print(context, verdict.reason());
            return ConditionEvaluationResult.disabled(verdict.reason());
        }
        return ConditionEvaluationResult.enabled(verdict.runs() ? "the kernel has what the test needs"
                : "fails in its callbacks: " + verdict.reason());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!sharesClassFixture(context)) {
            return;
        }
        requireRunnable(context);
        Class<?> testClass = context.getRequiredTestClass();
        LoadedFixture fixture = fixture(context);
        TestScope scope = TestScope.of(context);
        for (Field f : injectableFields(testClass, true)) {
            set(f, null, Handles.resolve(InjectionPoint.of(f), fixture, scope));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireRunnable(context);
        Object instance = context.getRequiredTestInstance();
        Class<?> testClass = context.getRequiredTestClass();
        Optional<FixtureSettings> settings = settings(context);
        if (settings.isEmpty()) {
            return; // only requirement annotations apply
        }
        if (settings.get().lifecycle() == BpfTest.Lifecycle.PER_METHOD) {
            List<Field> statics = injectableFields(testClass, true);
            if (!statics.isEmpty()) {
                throw new ExtensionConfigurationException("static " + InjectionPoint.of(statics.get(0)).where()
                        + " cannot hold a per-test object; make it an instance field, or use"
                        + " @BpfTest(lifecycle = PER_CLASS) for a class-wide object");
            }
        }
        LoadedFixture fixture = fixture(context);
        TestScope scope = TestScope.of(context);
        for (Field f : injectableFields(instance.getClass(), false)) {
            set(f, instance, Handles.resolve(InjectionPoint.of(f), fixture, scope));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return InjectionPoint.of(parameter.getParameter(), parameter.getIndex()).isInjectable();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        InjectionPoint point = InjectionPoint.of(parameter.getParameter(), parameter.getIndex());
        if (parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor<?>) {
            throw new ParameterResolutionException(point.where() + ": BPF handles cannot be constructor parameters"
                    + " (the object is loaded after the test instance is made); use a field or a method parameter");
        }
        if (context.getTestMethod().isEmpty() && !sharesClassFixture(context)) {
            throw new ParameterResolutionException(point.where() + ": @BeforeAll/@AfterAll methods can take BPF"
                    + " handles only with @BpfTest(lifecycle = PER_CLASS)");
        }
        requireRunnable(context);
        try {
            return Handles.resolve(point, fixture(context), TestScope.of(context));
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    // ---- decisions ----------------------------------------------------------------------------------------

    private static Verdict verdict(ExtensionContext context) {
        List<java.lang.reflect.AnnotatedElement> sources = FixtureSettings.requirementSources(
                context.getRequiredTestClass(), context.getTestMethod());
        return Requirements.of(sources).evaluate(kernelFacts(context));
    }

    /** Throws the reason when the test must not run: a FAIL verdict, or a SKIP in strict mode. */
    private static void requireRunnable(ExtensionContext context) {
        Verdict verdict = verdict(context);
        if (!verdict.runs()) {
            throw StrictMode.failure(verdict);
        }
    }

    private static KernelFacts kernelFacts(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(KernelFacts.class,
                k -> {
                    // Once per run, before any map: kernels before 5.11 charge maps to RLIMIT_MEMLOCK.
                    org.ebpfj.kernel.MemlockLimit.raiseIfCharged().ifPresent(System.err::println);
                    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LimitSummary.class);
                    return KernelFacts.running();
                }, KernelFacts.class);
    }

    /** Whether this class context loads one object for all its tests. */
    private static boolean sharesClassFixture(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return false;
        }
        return context.getTestClass().flatMap(FixtureSettings::forClass)
                .map(s -> s.lifecycle() == BpfTest.Lifecycle.PER_CLASS).orElse(false);
    }

    private static Optional<FixtureSettings> settings(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getTestMethod().isPresent()
                ? FixtureSettings.forMethod(testClass, context.getRequiredTestMethod())
                : FixtureSettings.forClass(testClass);
    }

    /** The fixture this context uses: its own, or the class's when the class shares one. */
    private static LoadedFixture fixture(ExtensionContext context) {
        FixtureSettings settings = settings(context).orElseThrow(() -> new ExtensionConfigurationException(
                "no @BpfTest on " + context.getRequiredTestClass().getName()
                        + context.getTestMethod().map(m -> "." + m.getName()).orElse("")
                        + ": say which object to load, e.g. @BpfTest(object = \"bpf/probe.bpf.o\")"));
        ExtensionContext owner = context;
        if (context.getTestMethod().isPresent() && !settings.ownLoad()) {
            owner = classContext(context);
        }
        ObjectSource source = source(context, settings);
        return TestScope.of(owner).fixture(() -> LoadedFixture.load(settings, source));
    }

    /** The class context above a method context (template invocations sit one level further down). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent()) {
            c = c.getParent().orElseThrow();
        }
        return c;
    }

    /** Object bytes are read once per run and location, and shared read-only between tests. */
    private static ObjectSource source(ExtensionContext context, FixtureSettings settings) {
        ClassLoader loader = settings.testClass().getClassLoader();
        record Key(String location, ClassLoader loader) {
        }
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new Key(settings.object(), loader),
                k -> ObjectSource.resolve(k.location(), k.loader()), ObjectSource.class);
    }

    // ---- fields -------------------------------------------------------------------------------------------

    private static List<Field> injectableFields(Class<?> testClass, boolean statics) {
        return ReflectionSupport.findFields(testClass, f -> Modifier.isStatic(f.getModifiers()) == statics
                && InjectionPoint.of(f).isInjectable(), HierarchyTraversalMode.TOP_DOWN);
    }

    private static void set(Field f, Object instance, Object value) {
        if (Modifier.isFinal(f.getModifiers())) {
            throw new ExtensionConfigurationException(InjectionPoint.of(f).where() + " is final; @BpfTest cannot"
                    + " inject into it");
        }
        try {
            f.setAccessible(true);
            f.set(instance, value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot inject " + InjectionPoint.of(f).where() + ": " + e, e);
        }
    }
}
