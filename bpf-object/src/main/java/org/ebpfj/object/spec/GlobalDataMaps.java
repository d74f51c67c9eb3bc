package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * The ARRAY maps libbpf creates for global variables ({@code bpf_object__init_global_data_maps} and
 * {@code bpf_object__init_internal_map}): one per non-empty {@code .data}, {@code .data.*}, {@code .rodata},
 * {@code .rodata.*} (PROGBITS, not executable) and {@code .bss}, {@code .bss.*} (NOBITS) section. Each has key_size 4,
 * max_entries 1 and value_size = the ELF section size (clang writes 0 as the DATASEC size in object files).
 * {@code .rodata*} maps get BPF_F_RDONLY_PROG; a map gets BPF_F_MMAPABLE when its DATASEC has a non-static
 * variable. Sections with only string literals ({@code .rodata.str1.1}) get a map too, without BTF value type.
 */
final class GlobalDataMaps {
    private GlobalDataMaps() {
    }

    static List<MapSpec> read(ObjectContext ctx) {
        List<MapSpec> out = new ArrayList<>();
        for (ElfSection s : ctx.elf.sections()) {
            if (s.index() != 0 && s.size() != 0 && isGlobalData(s)) {
                out.add(map(ctx, s, isNamed(s, ".rodata")));
            }
        }
        return out;
    }

    /** A section libbpf makes an internal map of: {@code .data*} and {@code .rodata*} data, {@code .bss*}. */
    static boolean isGlobalData(ElfSection s) {
        boolean data = s.isProgbits() && !s.isExecutable() && (isNamed(s, ".data") || isNamed(s, ".rodata"));
        return data || s.isNobits() && isNamed(s, ".bss");
    }

    private static boolean isNamed(ElfSection s, String prefix) {
        String name = s.name();
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
    }

    private static MapSpec map(ObjectContext ctx, ElfSection s, boolean readOnly) {
        MapSpec.Builder b = internalMap(ctx, s.name(), s.size(), readOnly);
        return b.origin(MapOrigin.GLOBAL_DATA).location(firstVariableLocation(ctx, s)).build();
    }

    /** What every internal map shares (global data and .kconfig): the layout and libbpf's flags. */
    static MapSpec.Builder internalMap(ObjectContext ctx, String sectionName, long size, boolean readOnly) {
        long flags = readOnly ? MapFlag.RDONLY_PROG.mask() : 0;
        MapSpec.Builder b = MapSpec.builder(LibbpfNames.internalMapName(ctx.objectName, sectionName), MapType.ARRAY)
                .keySize(4)
                .valueSize(size)
                .maxEntries(1)
                .section(sectionName);
        if (ctx.btf.isPresent()) {
            Btf btf = ctx.btf.get();
            // libbpf takes the first type of any kind with the section's name (btf__find_by_name).
            List<Integer> ids = btf.idsNamed(sectionName);
            if (!ids.isEmpty()) {
                int id = ids.get(0);
                b.valueType(new TypeRef(btf, id));
                if (hasNonStaticVariable(btf, btf.type(id))) {
                    flags |= MapFlag.MMAPABLE.mask();
                }
            }
        }
        return b.flags(flags);
    }

    /** libbpf's {@code map_is_mmapable}: user space can only see a section with a global (or extern) variable. */
    private static boolean hasNonStaticVariable(Btf btf, BtfType t) {
        if (!(t instanceof BtfType.Datasec)) {
            return false;
        }
        for (BtfType.SecInfo v : ((BtfType.Datasec) t).variables()) {
            BtfType vt = btf.type(v.type());
            if (vt instanceof BtfType.Var && ((BtfType.Var) vt).linkage() != BtfType.Linkage.STATIC) {
                return true;
            }
        }
        return false;
    }

    /** The declaration of the section's first variable (lowest offset) that debug info locates. */
    private static SourceLocation firstVariableLocation(ObjectContext ctx, ElfSection s) {
        return ctx.locations.firstOf(ctx.symbolsIn(s.index()).stream()
                .filter(sym -> sym.type() == ElfSymbol.STT_OBJECT)
                .sorted(Comparator.comparingLong(ElfSymbol::value))
                .map(ElfSymbol::name)
                .toList());
    }
}
