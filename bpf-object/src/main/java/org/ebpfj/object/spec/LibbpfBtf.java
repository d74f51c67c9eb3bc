package org.ebpfj.object.spec;

import java.util.Locale;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
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
            switch (btf.kind(id)) {
                case INT: case STRUCT: case UNION: case ENUM: case ENUM64: case DATASEC: case FLOAT: {
                    long size = btf.size(id);
                    if (size < 0) {
                        return -Errno.EINVAL.number();
                    }
                    return nelems != 0 && size > U32_MAX / nelems ? -Errno.E2BIG.number() : nelems * size;
                }
                case PTR:
                    return nelems != 0 && Btf.POINTER_SIZE > U32_MAX / nelems ? -Errno.E2BIG.number()
                            : nelems * Btf.POINTER_SIZE;
                case TYPEDEF: case VOLATILE: case CONST: case RESTRICT: case TYPE_TAG: case VAR: case DECL_TAG:
                    id = btf.target(id);
                    break;
                case ARRAY: {
                    long elements = btf.arrayLength(id);
                    if (nelems != 0 && elements > U32_MAX / nelems) {
                        return -Errno.E2BIG.number();
                    }
                    nelems *= elements;
                    id = btf.arrayElementType(id);
                    break;
                }
                default:
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
    static String kindName(BtfKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
