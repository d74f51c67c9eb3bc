package org.ebpfj.kernel.internal.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * One C function of a library, declared in one line (name, result layout, argument layouts) and called with its
 * arguments boxed. For the libbpf calls made while opening, loading, attaching and describing objects, never per
 * map operation or per event: there one line per binding is worth more than the few nanoseconds an exact
 * {@code invokeExact} call site saves. A function libbpf or libc answers with {@code -errno} or NULL returns that
 * answer unchanged; a downcall that throws is a bug in the binding and becomes an {@link AssertionError}.
 */
final class Binding {
    private final String name;
    private final MethodHandle spread;

    private Binding(String name, MethodHandle handle) {
        this.name = name;
        int arity = handle.type().parameterCount();
        this.spread = handle.asType(handle.type().generic()).asSpreader(Object[].class, arity);
    }

    /** {@code name} in {@code lookup}; a null {@code result} is a void function. */
    static Binding of(SymbolLookup lookup, String library, String name, MemoryLayout result, MemoryLayout[] args,
                      Linker.Option... options) {
        FunctionDescriptor fd = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return new Binding(name, Native.downcall(lookup, library, name, fd, options));
    }

    /** A libc function; a null {@code result} is a void function. */
    static Binding libc(String name, MemoryLayout result, MemoryLayout... args) {
        return of(Native.LIBC, "libc", name, result, args);
    }

    /** A libc function that sets errno: the call takes the caller's {@link CallState} segment first. */
    static Binding libcErrno(String name, MemoryLayout result, MemoryLayout... args) {
        return of(Native.LIBC, "libc", name, result, args, CallState.CAPTURE_ERRNO);
    }

    /** Calls the function; a capturing binding takes the caller's {@link CallState} segment first. */
    Object call(Object... args) {
        try {
            return spread.invokeExact(args);
        } catch (Throwable t) {
            throw new AssertionError("downcall " + name + " failed", t);
        }
    }

    int asInt(Object... args) {
        return (int) call(args);
    }

    /** An {@code __u32} result, widened without its sign. */
    long asUnsigned(Object... args) {
        return Integer.toUnsignedLong(asInt(args));
    }

    long asLong(Object... args) {
        return (long) call(args);
    }

    boolean asBoolean(Object... args) {
        return (boolean) call(args);
    }

    MemorySegment pointer(Object... args) {
        return (MemorySegment) call(args);
    }

    /** A {@code const char *} result as a Java string; "" for NULL. */
    String string(Object... args) {
        return cString(pointer(args));
    }

    /** Reads a NUL-terminated string from a pointer a C function returned; "" for NULL. */
    @SuppressWarnings("restricted")
    static String cString(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return "";
        }
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
