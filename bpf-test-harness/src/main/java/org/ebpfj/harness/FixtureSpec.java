package org.ebpfj.harness;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.VariableSpec;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The spec a fixture loads: the one its {@link ObjectSource} read, edited by the test's annotations
 * ({@link MaxEntries}, {@link Global}) and then by the class's {@link EditSpec} method.
 */
final class FixtureSpec {
    private FixtureSpec() {
    }

    /** The edited spec; empty when the reader refused the object and nothing asks for an edit. */
    static Optional<ObjectSpec> edited(FixtureSettings settings, ObjectSource source) {
        Optional<Method> editor = editor(settings.testClass());
        boolean edits = !settings.maxEntries().isEmpty() || !settings.globals().isEmpty() || editor.isPresent();
        if (source.spec().isEmpty()) {
            if (edits) {
                throw new ExtensionConfigurationException(source + " cannot be read, so its spec cannot be edited"
                        + " before load: " + source.specProblem());
            }
            return Optional.empty();
        }
        ObjectSpec spec = source.spec().get();
        for (Map.Entry<String, Long> e : settings.maxEntries().entrySet()) {
            spec = configured(spec, s -> s.withMaxEntries(e.getKey(), e.getValue()),
                    "@MaxEntries(map = \"" + e.getKey() + "\")");
        }
        for (Map.Entry<String, String> g : settings.globals().entrySet()) {
            ObjectSpec before = spec;
            VariableSpec v = before.variable(g.getKey()).orElseThrow(() -> new ExtensionConfigurationException(
                    "@Global(name = \"" + g.getKey() + "\"): " + source + " has no global variable '" + g.getKey()
                            + "'; it has " + before.variables().stream().map(VariableSpec::name).toList()));
            spec = spec.withVariable(v.withValue(GlobalValues.encode(v, g.getValue())));
        }
        if (editor.isPresent()) {
            Object result = ReflectionSupport.invokeMethod(editor.get(), null, spec);
            if (result == null) {
                throw new ExtensionConfigurationException("@EditSpec " + editor.get() + " returned null");
            }
            spec = (ObjectSpec) result;
        }
        return Optional.of(spec);
    }

    private static ObjectSpec configured(ObjectSpec spec, java.util.function.UnaryOperator<ObjectSpec> edit,
                                         String what) {
        try {
            return edit.apply(spec);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(what + ": " + e.getMessage(), e);
        }
    }

    /** The class's {@link EditSpec} method, looked for in the class, its superclasses and enclosing classes. */
    static Optional<Method> editor(Class<?> testClass) {
        for (Class<?> c : FixtureSettings.classAndEnclosing(testClass)) {
            List<Method> found = AnnotationSupport.findAnnotatedMethods(c, EditSpec.class,
                    HierarchyTraversalMode.BOTTOM_UP);
            if (found.size() > 1) {
                throw new ExtensionConfigurationException("only one @EditSpec method is allowed in " + c.getName()
                        + "; found " + found);
            }
            if (found.size() == 1) {
                Method m = found.get(0);
                if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != ObjectSpec.class
                        || m.getParameterCount() != 1 || m.getParameterTypes()[0] != ObjectSpec.class) {
                    throw new ExtensionConfigurationException("@EditSpec " + m + " must be static, take an"
                            + " ObjectSpec and return the ObjectSpec to load");
                }
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
