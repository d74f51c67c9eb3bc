package org.ebpfj.object.cdump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;

/**
 * The kfunc declarations at the end of a {@code vmlinux.h}, as bpftool 7.5+ writes them: one
 * {@code extern <prototype> __weak __ksym;} per kernel function that BTF marks as callable from BPF, sorted by
 * name, inside {@code #ifndef BPF_NO_KFUNC_PROTOTYPES} so that a program declaring its own kfuncs can opt out.
 *
 * <p>The kernel marks a kfunc with the declaration tag {@code bpf_kfunc} on its FUNC (pahole 1.26+ adds the tags
 * for every function in a kfunc set); functions whose tag {@code bpf_fastcall} says they preserve the caller-saved
 * registers get {@code __bpf_fastcall} in front, which clang 19+ uses to keep values in registers across the
 * call. Being {@code __weak}, a declared kfunc that the running kernel lacks makes a program fail only if it is
 * called without a {@code bpf_ksym_exists} check.
 */
final class KfuncPrototypes {
    static final String KFUNC_TAG = "bpf_kfunc";
    static final String FASTCALL_TAG = "bpf_fastcall";

    private KfuncPrototypes() {
    }

    /** The macros the declarations use, written near the top of the header (each guarded, as bpftool does). */
    static final String MACROS = "#ifndef __ksym\n#define __ksym __attribute__((section(\".ksyms\")))\n#endif\n\n"
            + "#ifndef __weak\n#define __weak __attribute__((weak))\n#endif\n\n"
            + "#ifndef __bpf_fastcall\n#if __has_attribute(bpf_fastcall)\n"
            + "#define __bpf_fastcall __attribute__((bpf_fastcall))\n#else\n#define __bpf_fastcall\n"
            + "#endif\n#endif\n\n";

    /** The guarded block of declarations; empty when the BTF tags no kfunc (kernels built with older pahole). */
    static void write(Btf btf, CDeclarations declarations, StringBuilder out) throws BtfFormatException {
        Set<Integer> kfuncs = new LinkedHashSet<>();
        Set<Integer> fastcalls = new LinkedHashSet<>();
        for (BtfType t : btf.types()) {
            if (t.kind() != BtfKind.DECL_TAG) {
                continue;
            }
            BtfType.DeclTag tag = (BtfType.DeclTag) t;
            if (tag.componentIndex() != -1 || !btf.hasType(tag.type())
                    || btf.type(tag.type()).kind() != BtfKind.FUNC) {
                continue;
            }
            if (tag.name().equals(KFUNC_TAG)) {
                kfuncs.add(tag.type());
            } else if (tag.name().equals(FASTCALL_TAG)) {
                fastcalls.add(tag.type());
            }
        }
        if (kfuncs.isEmpty()) {
            return;
        }
        List<BtfType.Func> sorted = new ArrayList<>();
        for (int id : kfuncs) {
            sorted.add((BtfType.Func) btf.type(id));
        }
        sorted.sort(Comparator.comparing(BtfType.Func::name));
        out.append("\n/* BPF kfuncs */\n#ifndef BPF_NO_KFUNC_PROTOTYPES\n");
        for (BtfType.Func f : sorted) {
            out.append("extern ");
            if (fastcalls.contains(f.id())) {
                out.append("__bpf_fastcall ");
            }
            out.append(declarations.declaration(f.proto(), f.name(), 0)).append(" __weak __ksym;\n");
        }
        out.append("#endif\n\n");
    }
}
