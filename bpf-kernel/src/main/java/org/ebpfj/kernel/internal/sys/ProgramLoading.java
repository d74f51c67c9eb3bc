package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * libbpf's per-program load settings read back (libbpf 1.1 symbols): whether a program loads. The setter is
 * {@link LibBpf#programSetAutoload}.
 */
public final class ProgramLoading {
    private static final SymbolLookup LIB = Native.library(LibBpf.LIBRARY);
    private static final MethodHandle AUTOLOAD = fn("bpf_program__autoload",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));

    private ProgramLoading() {
    }

    private static MethodHandle fn(String name, FunctionDescriptor fd) {
        return Native.downcall(LIB, LibBpf.LIBRARY, name, fd);
    }

    public static boolean autoload(MemorySegment prog) {
        try {
            return (boolean) AUTOLOAD.invokeExact(prog);
        } catch (Throwable t) {
            throw new AssertionError("bpf_program__autoload failed", t);
        }
    }
}
