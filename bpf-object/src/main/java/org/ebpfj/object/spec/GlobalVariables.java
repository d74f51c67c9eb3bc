package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;

/**
 * The variables of the global-data sections ({@code .data*}, {@code .rodata*}, {@code .bss*}), from each section's
 * BTF DATASEC, placed as libbpf places them ({@code btf_fixup_datasec}: the offset is the ELF symbol's value, the
 * DATASEC's own offsets are not trusted) and with the section's bytes as their initial values. Without BTF there
 * are none: libbpf cannot name them either.
 */
final class GlobalVariables {
    /**
     * Larger than any map value the kernel accepts (an ARRAY value is at most KMALLOC_MAX_SIZE, 4 MiB with 4 KiB
     * pages); a bigger variable is left out rather than allocated.
     */
    static final long MAX_VARIABLE = 64L << 20;

    private GlobalVariables() {
    }

    static List<VariableSpec> read(ObjectContext ctx) {
        if (ctx.btf.isEmpty()) {
            return List.of();
        }
        Btf btf = ctx.btf.get();
        List<VariableSpec> out = new ArrayList<>();
        for (ElfSection s : ctx.elf.sections()) {
            if (s.index() == 0 || s.size() == 0 || !GlobalDataMaps.isGlobalData(s)) {
                continue;
            }
            List<Integer> ids = btf.idsNamed(s.name());
            if (!ids.isEmpty() && btf.type(ids.get(0)) instanceof BtfType.Datasec ds) {
                read(ctx, btf, s, ds, out);
            }
        }
        return out;
    }

    private static void read(ObjectContext ctx, Btf btf, ElfSection s, BtfType.Datasec ds, List<VariableSpec> out) {
        Map<String, Long> symbolOffsets = new HashMap<>();
        for (ElfSymbol sym : ctx.symbolsIn(s.index())) {
            if (sym.type() == ElfSymbol.STT_OBJECT) {
                symbolOffsets.putIfAbsent(sym.name(), sym.value());
            }
        }
        String mapName = LibbpfNames.internalMapName(ctx.objectName, s.name());
        for (BtfType.SecInfo info : ds.variables()) {
            if (!btf.hasType(info.type()) || !(btf.type(info.type()) instanceof BtfType.Var var)) {
                continue;
            }
            long offset = symbolOffsets.getOrDefault(var.name(), info.offset());
            long size = info.size();
            if (offset < 0 || size < 0 || size > MAX_VARIABLE || offset > s.size() - size) {
                ctx.notes.add("variable '" + var.name() + "' (" + size + " bytes at " + offset + ") does not fit in "
                        + s.name() + " (" + s.size() + " bytes): left out");
                continue;
            }
            byte[] value;
            try {
                value = s.isNobits() ? new byte[(int) size] : s.data().bytes(offset, (int) size);
            } catch (ObjectFormatException e) {
                ctx.notes.add("variable '" + var.name() + "': " + e.getMessage());
                continue;
            }
            out.add(new VariableSpec(var.name(), s.name(), mapName, offset, size, new TypeRef(btf, var.type()),
                    var.linkage() != BtfType.Linkage.STATIC, ctx.elf.order(), value, ctx.locationOf(var.name())));
        }
    }
}
