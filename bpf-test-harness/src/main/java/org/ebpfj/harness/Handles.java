package org.ebpfj.harness;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.event.UserRingBufferWriter;
import org.ebpfj.kernel.map.MapHandle;
import org.ebpfj.kernel.program.AttachReport;
import org.ebpfj.kernel.program.AutoAttach;
import org.ebpfj.kernel.program.BpfLink;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.PrivateCgroup;
import org.ebpfj.kernel.program.PrivateNetwork;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * Makes the handle an {@link InjectionPoint} asks for from a loaded object. Every problem (an unknown name, a type
 * the map cannot be viewed as, key or value types that do not fit) becomes one message that says where the
 * field or parameter is and what the object or codec said.
 */
final class Handles {
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
            if (point.type() == BpfObject.class) {
                if (point.has(Attach.class)) {
                    AttachReport report = object.attachAll();
                    report.links().forEach(scope::register);
                    System.out.println("[ebpfj] " + point.where() + ": " + report.render().replace("\n", "\n[ebpfj] "));
                }
                return object;
            }
            if (point.has(ProgramRef.class) || point.has(Attach.class)) {
                return program(point, object, scope);
            }
            if (point.type() == PrivateNetwork.class) {
                return scope.register(PrivateNetwork.create());
            }
            if (point.type() == PrivateCgroup.class) {
                return scope.register(PrivateCgroup.create());
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
        if (!MapHandle.kinds().contains(type)) {
            throw new IllegalArgumentException("@MapRef(\"" + name + "\") cannot fill a " + type.getSimpleName()
                    + "; declare one of " + MapHandle.kinds().stream().map(Class::getSimpleName).toList()
                    + ", or for event maps " + List.of(RingBufferReader.class, PerfBufferReader.class,
                            UserRingBufferWriter.class).stream().map(Class::getSimpleName).toList());
        }
        Class<? extends MapHandle> kind = type.asSubclass(MapHandle.class);
        return object.rawMap(name).as(kind, typeArguments(point, kind.getTypeParameters().length));
    }

    private static Object variable(InjectionPoint point, LoadedFixture fixture, String name) {
        if (point.type() != GlobalVariable.class) {
            throw new IllegalArgumentException("@GlobalRef(\"" + name + "\") fills a GlobalVariable, not a "
                    + point.type().getSimpleName());
        }
        return fixture.object().variable(name); // its message lists the object's variables
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
            BpfLink link;
            try {
                link = program.attach();
            } catch (AttachException e) {
                // A refusal a probed machine limit explains skips (also in strict mode); any other fails.
                String reason = AutoAttach.excused(program, e).orElseThrow(() -> e);
                System.out.println("[ebpfj] SKIPPED " + point.where() + ": " + reason);
                throw new TestAbortedException(reason);
            }
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
        if (count == 0) {
            return new Class<?>[0];
        }
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
