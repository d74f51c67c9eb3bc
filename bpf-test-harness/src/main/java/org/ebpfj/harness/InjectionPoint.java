package org.ebpfj.harness;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A field or parameter the harness fills: its declared type (with type arguments) and annotations.
 *
 * @param where       for messages, e.g. {@code field HashVsLruTest.hash}
 * @param defaultName the field's or parameter's name, used when the annotation names nothing (parameters have
 *                    names only when compiled with {@code -parameters})
 */
record InjectionPoint(String where, Class<?> type, Type genericType, AnnotatedElement element,
                      Optional<String> defaultName) {

    static InjectionPoint of(Field f) {
        return new InjectionPoint("field " + f.getDeclaringClass().getSimpleName() + "." + f.getName(), f.getType(),
                f.getGenericType(), f, Optional.of(f.getName()));
    }

    /** @param index the parameter's position, for messages when the class was compiled without -parameters */
    static InjectionPoint of(Parameter p, int index) {
        String method = p.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                + p.getDeclaringExecutable().getName();
        String name = p.isNamePresent() ? p.getName() : "#" + (index + 1);
        String type = p.getParameterizedType().getTypeName().replaceAll("[\\w.]+\\.(\\w+)", "$1");
        return new InjectionPoint("parameter " + name + " (" + type + ") of " + method, p.getType(),
                p.getParameterizedType(), p, p.isNamePresent() ? Optional.of(p.getName()) : Optional.empty());
    }

    boolean has(Class<? extends java.lang.annotation.Annotation> annotation) {
        return element.isAnnotationPresent(annotation);
    }

    /** Whether the harness fills it: a handle annotation, the type {@link org.ebpfj.kernel.BpfObject} or a skeleton. */
    boolean isInjectable() {
        return has(MapRef.class) || has(ProgramRef.class) || has(GlobalRef.class) || has(Attach.class)
                || type == org.ebpfj.kernel.BpfObject.class || Skeletons.isSkeleton(type)
                || type == org.ebpfj.kernel.program.PrivateNetwork.class
                || type == org.ebpfj.kernel.program.PrivateCgroup.class;
    }
}
