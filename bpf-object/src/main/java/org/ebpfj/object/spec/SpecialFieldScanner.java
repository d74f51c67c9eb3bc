package org.ebpfj.object.spec;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/**
 * Finds the special fields of a map value the way {@code btf_parse_fields} does: by struct name for locks, timers
 * and graph roots, by type tag for kernel and user pointers; through nested structs, arrays and the variables of
 * a data section. Bounded by depth, so hostile BTF cannot make it loop.
 */
final class SpecialFieldScanner {
    private static final int MAX_DEPTH = 16;

    private final Btf btf;
    private final Map<SpecialField, Long> counts = new EnumMap<>(SpecialField.class);

    SpecialFieldScanner(Btf btf) {
        this.btf = btf;
    }

    void scan(int id) {
        scan(id, 1, 0);
    }

    Set<SpecialField> found() {
        return counts.isEmpty() ? Set.of() : EnumSet.copyOf(counts.keySet());
    }

    Optional<SpecialField> duplicated() {
        for (Map.Entry<SpecialField, Long> e : counts.entrySet()) {
            if (e.getKey().unique() && e.getValue() > 1) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private void scan(int id, long multiplicity, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        BtfType t = btf.resolve(id);
        if (t instanceof BtfType.Ptr p) {
            pointerTag(p).flatMap(SpecialField::byPointerTag).ifPresent(f -> count(f, multiplicity));
            return;
        }
        if (t instanceof BtfType.Array a) {
            scan(a.elementType(), saturatingMultiply(multiplicity, Math.max(1, a.elements())), depth + 1);
            return;
        }
        if (t instanceof BtfType.Datasec d) {
            for (BtfType.SecInfo v : d.variables()) {
                BtfType var = btf.type(v.type());
                if (var instanceof BtfType.Var vv) {
                    scan(vv.type(), multiplicity, depth + 1);
                }
            }
            return;
        }
        if (t instanceof BtfType.Struct s) {
            Optional<SpecialField> special = SpecialField.byStructName(s.name());
            if (special.isPresent()) {
                count(special.get(), multiplicity);
                return;
            }
            for (BtfType.Member m : s.members()) {
                scan(m.type(), multiplicity, depth + 1);
            }
        }
    }

    /** The tag of {@code T __tag *}: BTF writes it as PTR -> TYPE_TAG -> T; typedefs may wrap the pointer. */
    private Optional<String> pointerTag(BtfType.Ptr p) {
        BtfType target = btf.type(p.type());
        if (target instanceof BtfType.TypeTag tag) {
            return Optional.of(tag.name());
        }
        return Optional.empty();
    }

    private void count(SpecialField f, long n) {
        counts.merge(f, n, SpecialFieldScanner::saturatingAdd);
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        return hi != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
