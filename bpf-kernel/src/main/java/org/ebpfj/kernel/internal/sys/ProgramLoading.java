package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;

import java.lang.foreign.MemorySegment;

/**
 * libbpf's per-program load settings read back (libbpf 1.1 symbols): whether a program loads. The setter is
 * {@link LibBpf#programSetAutoload}.
 */
public final class ProgramLoading {
    private static final Binding AUTOLOAD = LibBpf.fn("bpf_program__autoload", JAVA_BOOLEAN, ADDRESS);

    private ProgramLoading() {
    }

    public static boolean autoload(MemorySegment prog) {
        return AUTOLOAD.asBoolean(prog);
    }
}
