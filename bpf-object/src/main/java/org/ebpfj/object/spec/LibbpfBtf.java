package org.ebpfj.object.spec;

import java.util.Locale;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.uapi.Errno;

/** BTF queries with libbpf's exact semantics, where they differ from {@link Btf}'s general-purpose ones. */
final class LibbpfBtf {
    /** libbpf's MAX_RESOLVE_DEPTH. */
    private static final int MAX_RESOLVE_DEPTH = 32;
    private static final long U32_MAX = 0xffffffffL;

    private LibbpfBtf() {
    }

    /**
     * {@code btf__resolve_size}: follows typedefs, qualifiers, VARs, decl and type tags and arrays; a negative
     * errno (-EINVAL for unsized kinds or too deep a chain, -E2BIG past 32 bits) when the type has no size.
     */
    static long resolveSize(Btf btf, int typeId) {
        long nelems = 1;
        int id = typeId;
        for (int depth = 0; depth < MAX_RESOLVE_DEPTH && id != 0; depth++) {
            BtfType t = btf.type(id);
            if (t instanceof BtfType.Int || t instanceof BtfType.Composite || t instanceof BtfType.Enum
                    || t instanceof BtfType.Enum64 || t instanceof BtfType.Datasec || t instanceof BtfType.Float) {
                long size = btf.sizeOf(id).orElse(-1);
                if (size < 0) {
                    return -Errno.EINVAL.number();
                }
                return nelems != 0 && size > U32_MAX / nelems ? -Errno.E2BIG.number() : nelems * size;
            }
            if (t instanceof BtfType.Ptr) {
                return nelems != 0 && Btf.POINTER_SIZE > U32_MAX / nelems ? -Errno.E2BIG.number()
                        : nelems * Btf.POINTER_SIZE;
            }
            if (t instanceof BtfType.Modifier) {
                id = ((BtfType.Modifier) t).type();
            } else if (t instanceof BtfType.Var) {
                id = ((BtfType.Var) t).type();
            } else if (t instanceof BtfType.DeclTag) {
                id = ((BtfType.DeclTag) t).type();
            } else if (t instanceof BtfType.Array) {
                BtfType.Array a = (BtfType.Array) t;
                if (nelems != 0 && a.elements() > U32_MAX / nelems) {
                    return -Errno.E2BIG.number();
                }
                nelems *= a.elements();
                id = a.elementType();
            } else {
                return -Errno.EINVAL.number();
            }
        }
        return -Errno.EINVAL.number();
    }

    /** {@code skip_mods_and_typedefs}: the id behind typedefs and qualifiers. */
    static int skipModifiers(Btf btf, int id) {
        return btf.resolveId(id);
    }

    /** libbpf's {@code btf_kind_str}: "ptr", "struct", "func_proto"... */
    static String kindName(BtfType t) {
        return t.kind().name().toLowerCase(Locale.ROOT);
    }
}
