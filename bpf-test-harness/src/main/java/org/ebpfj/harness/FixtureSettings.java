package org.ebpfj.harness;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The merged {@link BpfTest} settings for one load: the class's annotation (or an enclosing class's, for
 * {@code @Nested} tests) with a method's annotation on top.
 *
 * @param ownLoad whether the test gets a load of its own (per-method lifecycle, or a method-level annotation);
 *                otherwise it shares the class's load
 */
record FixtureSettings(String object, BpfTest.Lifecycle lifecycle, Map<String, Long> maxEntries,
                       Map<String, String> globals, Class<?> testClass, boolean ownLoad) {

    FixtureSettings {
        maxEntries = Collections.unmodifiableMap(new LinkedHashMap<>(maxEntries));
        globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
    }

    /** The class-level settings, from the class, its superclasses or its enclosing classes. */
    static Optional<FixtureSettings> forClass(Class<?> testClass) {
        return classAnnotation(testClass).map(a -> merge(testClass, a, Optional.empty()));
    }

    /** The settings of one test method: the class's, overridden and extended by the method's annotation. */
    static Optional<FixtureSettings> forMethod(Class<?> testClass, Method method) {
        Optional<BpfTest> onClass = classAnnotation(testClass);
        Optional<BpfTest> onMethod = AnnotationSupport.findAnnotation(method, BpfTest.class);
        if (onClass.isEmpty() && onMethod.isEmpty()) {
            return Optional.empty();
        }
        if (onClass.isEmpty()) {
            return Optional.of(merge(testClass, onMethod.get(), Optional.empty()).withOwnLoad());
        }
        return Optional.of(merge(testClass, onClass.get(), onMethod));
    }

    /** The class and its enclosing classes, innermost first: where class-level annotations are looked for. */
    static List<Class<?>> classAndEnclosing(Class<?> testClass) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
            out.add(c);
        }
        return out;
    }

    /** Elements whose requirement annotations apply: enclosing classes, the class, then the method if any. */
    static List<AnnotatedElement> requirementSources(Class<?> testClass, Optional<Method> method) {
        List<AnnotatedElement> out = new ArrayList<>(classAndEnclosing(testClass));
        Collections.reverse(out);
        method.ifPresent(out::add);
        return out;
    }

    private static boolean isInner(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
    }

    private static Optional<BpfTest> classAnnotation(Class<?> testClass) {
        for (Class<?> c : classAndEnclosing(testClass)) {
            Optional<BpfTest> a = AnnotationSupport.findAnnotation(c, BpfTest.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static FixtureSettings merge(Class<?> testClass, BpfTest base, Optional<BpfTest> override) {
        Map<String, Long> maxEntries = new LinkedHashMap<>();
        Map<String, String> globals = new LinkedHashMap<>();
        String object = objectOf(base);
        boolean otherObject = override.isPresent() && !objectOf(override.get()).isBlank()
                && !objectOf(override.get()).equals(object);
        if (!otherObject) {
            add(base, maxEntries, globals); // the class's settings name the class's object's maps and variables
        }
        if (override.isPresent()) {
            add(override.get(), maxEntries, globals);
            if (!objectOf(override.get()).isBlank()) {
                object = objectOf(override.get());
            }
        }
        boolean own = override.isPresent() || base.lifecycle() == BpfTest.Lifecycle.PER_METHOD;
        return new FixtureSettings(object, base.lifecycle(), maxEntries, globals, testClass, own);
    }

    /** The object the annotation names, directly or through its skeleton's object resource. */
    private static String objectOf(BpfTest a) {
        if (!a.object().isBlank() || a.skeleton() == org.ebpfj.kernel.BpfSkeleton.class) {
            return a.object();
        }
        return Skeletons.resource(a.skeleton());
    }

    private static void add(BpfTest a, Map<String, Long> maxEntries, Map<String, String> globals) {
        for (MaxEntries m : a.maxEntries()) {
            maxEntries.put(m.map(), m.value());
        }
        for (Global g : a.globals()) {
            globals.put(g.name(), g.value());
        }
    }

    private FixtureSettings withOwnLoad() {
        return new FixtureSettings(object, lifecycle, maxEntries, globals, testClass, true);
    }
}
