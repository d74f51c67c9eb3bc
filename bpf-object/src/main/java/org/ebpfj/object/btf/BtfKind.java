package org.ebpfj.object.btf;

import java.util.Optional;

/** BTF_KIND_* values as encoded in bits 24..28 of {@code btf_type.info}. */
public enum BtfKind {
    VOID(0, BtfType.Void.class),
    INT(1, BtfType.Int.class),
    PTR(2, BtfType.Ptr.class),
    ARRAY(3, BtfType.Array.class),
    STRUCT(4, BtfType.Struct.class),
    UNION(5, BtfType.Union.class),
    ENUM(6, BtfType.Enum.class),
    FWD(7, BtfType.Fwd.class),
    TYPEDEF(8, BtfType.Typedef.class),
    VOLATILE(9, BtfType.Volatile.class),
    CONST(10, BtfType.Const.class),
    RESTRICT(11, BtfType.Restrict.class),
    FUNC(12, BtfType.Func.class),
    FUNC_PROTO(13, BtfType.FuncProto.class),
    VAR(14, BtfType.Var.class),
    DATASEC(15, BtfType.Datasec.class),
    FLOAT(16, BtfType.Float.class),
    DECL_TAG(17, BtfType.DeclTag.class),
    TYPE_TAG(18, BtfType.TypeTag.class),
    ENUM64(19, BtfType.Enum64.class);

    private static final BtfKind[] BY_CODE = values();
    /** The kind of each {@link BtfType} record, looked up once per class. */
    private static final ClassValue<BtfKind> BY_RECORD = new ClassValue<>() {
        @Override
        protected BtfKind computeValue(Class<?> type) {
            for (BtfKind k : BY_CODE) {
                if (k.record == type) {
                    return k;
                }
            }
            throw new IllegalStateException(type + " is not a BTF kind's record");
        }
    };

    private final int code;
    private final Class<? extends BtfType> record;

    BtfKind(int code, Class<? extends BtfType> record) {
        this.code = code;
        this.record = record;
    }

    static BtfKind of(BtfType t) {
        return BY_RECORD.get(t.getClass());
    }

    public int code() {
        return code;
    }

    static Optional<BtfKind> byCode(int code) {
        return Optional.ofNullable(atCode(code));
    }

    /** The kind of this code, or null when no kind has it (for the per-type loops of a BTF read). */
    static BtfKind atCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
