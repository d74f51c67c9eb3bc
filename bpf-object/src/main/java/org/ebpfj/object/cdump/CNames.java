package org.ebpfj.object.cdump;

import java.util.HashMap;
import java.util.Map;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/**
 * The C name of each type. BTF may hold several different types with one name (the kernel's BTF has
 * {@code struct perf_aux_event} three times, from different compilation units); C does not allow that, so the
 * second one to be written becomes {@code name___2}, the third {@code name___3}. This is also what bpftool does,
 * and CO-RE ignores a {@code ___suffix} when it matches names, so the renamed types still relocate.
 *
 * <p>C has two namespaces that matter here: tags (struct, union and enum names) and ordinary identifiers
 * (typedef names and enumerators). A name is fixed the first time a type is written, so the numbering follows
 * the output order. Forward declarations and enums without values keep their name and take no number: they only
 * refer to a type defined elsewhere.
 */
final class CNames {
    private final Btf btf;
    private final String[] names;
    private final Map<String, Integer> tagUses = new HashMap<>();
    private final Map<String, Integer> identifierUses = new HashMap<>();

    CNames(Btf btf) {
        this.btf = btf;
        this.names = new String[btf.typeCount()];
    }

    /** The tag of a struct, union, enum or forward declaration ("" when anonymous). */
    String tag(int id) {
        return name(id, tagUses);
    }

    /** The name of a typedef. */
    String identifier(int id) {
        return name(id, identifierUses);
    }

    /** An enumerator's name: enumerators share the identifier namespace with typedefs, so they are numbered too. */
    String enumerator(String name) {
        return numbered(name, identifierUses);
    }

    /** The name already given to this type, or null when no output has named it yet. */
    String given(int id) {
        return names[id];
    }

    private String name(int id, Map<String, Integer> namespace) {
        String known = names[id];
        if (known != null) {
            return known;
        }
        BtfType t = btf.type(id);
        String name = t.name();
        if (!name.isEmpty() && !onlyRefersToType(t)) {
            name = numbered(name, namespace);
        }
        names[id] = name;
        return name;
    }

    private static boolean onlyRefersToType(BtfType t) {
        return t instanceof BtfType.Fwd || t instanceof BtfType.Enum && ((BtfType.Enum) t).values().isEmpty();
    }

    private static String numbered(String name, Map<String, Integer> namespace) {
        int uses = namespace.merge(name, 1, Integer::sum);
        return uses == 1 ? name : name + "___" + uses;
    }
}
