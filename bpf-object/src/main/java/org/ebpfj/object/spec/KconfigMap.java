package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.Errno;

/**
 * The {@code .kconfig} map libbpf builds from {@code extern ... __kconfig} variables
 * ({@code bpf_object__collect_externs}, {@code bpf_object__init_kconfig_map}). There is no ELF section behind it:
 * libbpf sorts the externs by alignment (descending), size, then name, lays them out with their alignment, and
 * the map's value_size is the end of the last one. Flags: RDONLY_PROG, and MMAPABLE (libbpf turns the externs into
 * global variables first). Externs libbpf cannot handle become problems.
 */
final class KconfigMap {
    static final String SECTION = ".kconfig";
    private static final String KSYMS = ".ksyms";

    private KconfigMap() {
    }

    private record Extern(String name, int type, long size, int align) {
    }

    /** The map, and the externs laid out in it as variables. */
    record Layout(MapSpec map, List<VariableSpec> variables) {
    }

    /** BTF lookups libbpf makes per extern, indexed once (an object may have many externs and many types). */
    private static final class BtfIndex {
        final Map<String, BtfType> firstVarOrFunc = new HashMap<>();
        final Map<Integer, String> sectionOfVar = new HashMap<>();

        BtfIndex(Btf btf) {
            // Kinds are known without decoding: only variables, functions and sections are decoded.
            for (int id = 1; id < btf.typeCount(); id++) {
                BtfKind kind = btf.kind(id);
                if (kind == BtfKind.VAR || kind == BtfKind.FUNC) {
                    firstVarOrFunc.putIfAbsent(btf.name(id), btf.type(id));
                } else if (kind == BtfKind.DATASEC) {
                    for (BtfType.SecInfo v : ((BtfType.Datasec) btf.type(id)).variables()) {
                        sectionOfVar.putIfAbsent(v.type(), btf.name(id));
                    }
                }
            }
        }
    }

    static Optional<Layout> read(ObjectContext ctx) {
        List<Extern> kconfig = new ArrayList<>();
        BtfIndex index = null;
        for (ElfSymbol sym : ctx.elf.symbols()) {
            if (!sym.isExtern() || sym.name().isEmpty()) {
                continue;
            }
            if (ctx.btf.isEmpty()) {
                unsupported(ctx, sym.name(), Errno.ESRCH, "failed to find BTF for extern '" + sym.name()
                        + "': the object has no BTF");
                continue;
            }
            if (index == null) {
                index = new BtfIndex(ctx.btf.get());
            }
            classify(ctx, ctx.btf.get(), index, sym.name()).ifPresent(kconfig::add);
        }
        if (kconfig.isEmpty()) {
            return Optional.empty();
        }
        kconfig.sort(Comparator.comparingInt(Extern::align).reversed()
                .thenComparingLong(Extern::size)
                .thenComparing(Extern::name));
        long end = 0;
        String mapName = LibbpfNames.internalMapName(ctx.objectName, SECTION);
        List<VariableSpec> variables = new ArrayList<>();
        for (Extern e : kconfig) {
            long offset = (end + e.align() - 1) / e.align() * e.align();
            end = offset + e.size();
            if (e.size() > GlobalVariables.MAX_VARIABLE) {
                ctx.notes.add("extern '" + e.name() + "' of " + e.size() + " bytes is larger than any map value: left"
                        + " out of the variables");
                continue;
            }
            variables.add(new VariableSpec(e.name(), SECTION, mapName, offset, e.size(),
                    new TypeRef(ctx.btf.get(), e.type()), true, ctx.elf.order(), new byte[(int) e.size()],
                    ctx.locationOf(e.name())));
        }
        MapSpec.Builder b = GlobalDataMaps.internalMap(ctx, SECTION, end, true);
        MapSpec map = b.origin(MapOrigin.KCONFIG).location(firstExternLocation(ctx)).build();
        return Optional.of(new Layout(map, variables));
    }

    /** A .kconfig extern with its size and alignment, or empty for a .ksyms extern or one libbpf refuses. */
    private static Optional<Extern> classify(ObjectContext ctx, Btf btf, BtfIndex index, String name) {
        BtfType t = index.firstVarOrFunc.get(name);
        if (t == null) {
            unsupported(ctx, name, Errno.ENOENT, "failed to find BTF for extern '" + name + "'");
            return Optional.empty();
        }
        boolean extern = t instanceof BtfType.Var ? ((BtfType.Var) t).linkage() == BtfType.Linkage.EXTERN
                : ((BtfType.Func) t).linkage() == BtfType.Linkage.EXTERN;
        if (!extern) {
            unsupported(ctx, name, Errno.EINVAL, "failed to find BTF for extern '" + name
                    + "': its BTF is not an extern declaration");
            return Optional.empty();
        }
        String section = index.sectionOfVar.get(t.id());
        if (section == null) {
            unsupported(ctx, name, Errno.ENOENT, "failed to find BTF for extern '" + name + "' section");
            return Optional.empty();
        }
        if (section.equals(KSYMS)) {
            return Optional.empty();
        }
        if (!section.equals(SECTION)) {
            unsupported(ctx, name, Errno.EOPNOTSUPP, "unrecognized extern section '" + section + "'");
            return Optional.empty();
        }
        if (t instanceof BtfType.Func) {
            unsupported(ctx, name, Errno.EOPNOTSUPP, "extern function " + name + " is unsupported under "
                    + SECTION + " section");
            return Optional.empty();
        }
        int type = ((BtfType.Var) t).type();
        long size = LibbpfBtf.resolveSize(btf, type);
        if (size <= 0) {
            unsupported(ctx, name, Errno.EINVAL, "failed to resolve size of extern (kcfg) '" + name + "'");
            return Optional.empty();
        }
        if (!supportedKconfigType(btf, type)) {
            unsupported(ctx, name, Errno.EOPNOTSUPP, "extern (kcfg) '" + name + "': type is unsupported");
            return Optional.empty();
        }
        return Optional.of(new Extern(name, type, size, Math.max(1, btf.alignOf(type))));
    }

    /** libbpf's {@code find_kcfg_type}: bool, char, 1/2/4/8-byte ints, libbpf_tristate, char arrays. */
    private static boolean supportedKconfigType(Btf btf, int id) {
        BtfType t = btf.resolve(id);
        if (t instanceof BtfType.Int) {
            BtfType.Int i = (BtfType.Int) t;
            if (i.isBool()) {
                return i.size() == 1;
            }
            return i.size() == 1 || i.size() == 2 || i.size() == 4 || i.size() == 8;
        }
        if (t instanceof BtfType.Enum) {
            return ((BtfType.Enum) t).size() == 4 && t.name().equals("libbpf_tristate");
        }
        if (t instanceof BtfType.Enum64) {
            return t.name().equals("libbpf_tristate");
        }
        if (t instanceof BtfType.Array) {
            BtfType.Array a = (BtfType.Array) t;
            if (a.elements() == 0) {
                return false;
            }
            BtfType e = btf.resolve(a.elementType());
            return e instanceof BtfType.Int && ((BtfType.Int) e).size() == 1 && !((BtfType.Int) e).isBool();
        }
        return false;
    }

    private static void unsupported(ObjectContext ctx, String name, Errno errno, String message) {
        ctx.problem("", ProblemCodes.EXTERN_UNSUPPORTED, errno, message, ctx.locationOf(name));
    }

    /** The first variable of the .kconfig DATASEC (declaration order) that debug info locates. */
    private static SourceLocation firstExternLocation(ObjectContext ctx) {
        List<String> names = new ArrayList<>();
        if (ctx.btf.isPresent()) {
            Btf btf = ctx.btf.get();
            Optional<BtfType> sec = btf.find(BtfKind.DATASEC, SECTION);
            if (sec.isPresent()) {
                for (BtfType.SecInfo v : ((BtfType.Datasec) sec.get()).variables()) {
                    names.add(btf.type(v.type()).name());
                }
            }
        }
        return ctx.locations.firstOf(names);
    }
}
