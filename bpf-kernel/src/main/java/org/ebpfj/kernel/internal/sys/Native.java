package org.ebpfj.kernel.internal.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** Shared linking plumbing for the binding classes: one linker, and lookups that say which symbol is missing. */
@SuppressWarnings("restricted")
final class Native {
    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();

    private Native() {
    }

    static MethodHandle downcall(SymbolLookup lookup, String library, String symbol, FunctionDescriptor fd,
                                 Linker.Option... options) {
        MemorySegment address = lookup.find(symbol).orElseThrow(() -> new UnsatisfiedLinkError(
                "symbol '" + symbol + "' not found in " + library));
        return LINKER.downcallHandle(address, fd, options);
    }

    static MethodHandle libc(String symbol, FunctionDescriptor fd, Linker.Option... options) {
        return downcall(LIBC, "libc", symbol, fd, options);
    }

    /** Lookup of a shared library that stays loaded for the life of the process. */
    static SymbolLookup library(String name) {
        try {
            return SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("cannot load " + name
                    + ": install libbpf 1.1 or newer (Debian/Ubuntu package libbpf1)");
            error.initCause(e);
            throw error;
        }
    }
}
