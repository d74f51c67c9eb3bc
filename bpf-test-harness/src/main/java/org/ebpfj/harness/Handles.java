package org.ebpfj.harness;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.IntLongMap;
import org.ebpfj.kernel.map.LongLongMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.BpfLink;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.event.UserRingBufferWriter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Makes the handle an {@link InjectionPoint} asks for from a loaded object. Every problem (an unknown name, a type
 * the map cannot be viewed as, key or value types that do not fit) becomes one message that says where the
 * field or parameter is and what the object or codec said.
 */
final class Handles {
    private static final List<Class<?>> MAP_VIEWS = List.of(BpfMap.class, PerCpuMap.class, QueueMap.class,
            IntIntMap.class, IntLongMap.class, LongLongMap.class, RawMap.class, RingBufferReader.class,
            PerfBufferReader.class, UserRingBufferWriter.class);

    private Handles() {
    }

    /**
     * The handle for the point; an {@link Attach} program is attached and its link registered in {@code scope}.
     */
    static Object resolve(InjectionPoint point, LoadedFixture fixture, TestScope scope) {
        BpfObject object = fixture.object();
        try {
            if (point.has(MapRef.class)) {
                String name = name(point, point.element().getAnnotation(MapRef.class).value());
                Object events = EventHandles.open(point, object, name, scope);
                return events != null ? events : map(point, object, name);
            }
            if (point.has(GlobalRef.class)) {
                return variable(point, fixture, name(point, point.element().getAnnotation(GlobalRef.class).value()));
            }
            if (point.has(ProgramRef.class) || point.has(Attach.class)) {
                return program(point, object, scope);
            }
            if (point.type() == BpfObject.class) {
                return object;
            }
            if (Skeletons.isSkeleton(point.type())) {
                return Skeletons.wrap(point.type(), object);
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(point.where() + ": " + e.getMessage(), e);
        }
        throw new ExtensionConfigurationException(point.where() + " is not something @BpfTest injects");
    }

    private static Object map(InjectionPoint point, BpfObject object, String name) {
        Class<?> type = point.type();
        if (type == RawMap.class) {
            return object.rawMap(name);
        }
        if (type == IntIntMap.class) {
            return object.intIntMap(name);
        }
        if (type == IntLongMap.class) {
            return object.intLongMap(name);
        }
        if (type == LongLongMap.class) {
            return object.longLongMap(name);
        }
        if (type == BpfMap.class) {
            Class<?>[] kv = typeArguments(point, 2);
            return object.map(name, kv[0], kv[1]);
        }
        if (type == PerCpuMap.class) {
            Class<?>[] kv = typeArguments(point, 2);
            return object.perCpuMap(name, kv[0], kv[1]);
        }
        if (type == QueueMap.class) {
            return object.queue(name, typeArguments(point, 1)[0]);
        }
        throw new IllegalArgumentException("@MapRef(\"" + name + "\") cannot fill a " + type.getSimpleName()
                + "; declare one of " + MAP_VIEWS.stream().map(Class::getSimpleName).toList());
    }

    private static Object variable(InjectionPoint point, LoadedFixture fixture, String name) {
        if (point.type() != GlobalVariable.class) {
            throw new IllegalArgumentException("@GlobalRef(\"" + name + "\") fills a GlobalVariable, not a "
                    + point.type().getSimpleName());
        }
        try {
            return fixture.object().variable(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; it has " + fixture.source().variableNames(), e);
        }
    }

    private static Object program(InjectionPoint point, BpfObject object, TestScope scope) {
        ProgramRef ref = point.element().getAnnotation(ProgramRef.class);
        String name = name(point, ref == null ? "" : ref.value());
        if (point.type() != BpfProgram.class) {
            throw new IllegalArgumentException("program '" + name + "' is injected as a BpfProgram, not a "
                    + point.type().getSimpleName());
        }
        BpfProgram program = object.program(name);
        if (point.has(Attach.class)) {
            BpfLink link = program.attach();
            scope.register(link);
        }
        return program;
    }

    private static String name(InjectionPoint point, String given) {
        if (!given.isEmpty()) {
            return given;
        }
        return point.defaultName().orElseThrow(() -> new IllegalArgumentException("has no name to look up: name it"
                + " in the annotation (e.g. @MapRef(\"events\")) or compile with -parameters"));
    }

    /** The concrete classes of the declared type's arguments, e.g. {@code Integer, byte[]} for BpfMap. */
    static Class<?>[] typeArguments(InjectionPoint point, int count) {
        String shape = point.type().getSimpleName() + (count == 2 ? "<Integer, Long>" : "<Integer>");
        if (!(point.genericType() instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("declare the type arguments, e.g. " + shape
                    + ": they choose the codecs");
        }
        Type[] args = p.getActualTypeArguments();
        Class<?>[] out = new Class<?>[count];
        for (int i = 0; i < count; i++) {
            if (!(args[i] instanceof Class<?> c)) {
                throw new IllegalArgumentException("type argument " + args[i].getTypeName() + " is not a concrete"
                        + " class; declare e.g. " + shape + ", byte[] or a record");
            }
            out[i] = c;
        }
        return out;
    }
}
