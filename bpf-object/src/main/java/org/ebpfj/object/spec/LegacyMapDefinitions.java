package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.Errno;

/**
 * The pre-BTF {@code maps} section: an array of {@code struct bpf_map_def} (type, key_size, value_size,
 * max_entries, map_flags, each a u32), one symbol per map. libbpf 1.0+ refuses the whole object as soon as it
 * sees the section ({@code bpf_object__elf_collect}: "legacy map definitions in 'maps' section are not supported
 * by libbpf v1.0+", -ENOTSUP); this still reads the definitions the way libbpf 0.x did, so users see what they
 * declared next to the reason it no longer loads.
 */
final class LegacyMapDefinitions {
    static final String SECTION = "maps";
    private static final int FIELDS = 5;

    private LegacyMapDefinitions() {
    }

    static List<MapSpec> read(ObjectContext ctx, ElfSection maps) throws ObjectFormatException {
        ctx.problem("", ProblemCodes.LEGACY_MAPS_SECTION, Errno.EOPNOTSUPP,
                "legacy map definitions in 'maps' section are not supported by libbpf v1.0+: use BTF-defined maps"
                        + " in SEC(\".maps\")", SourceLocation.ofObject(ctx.file));
        List<ElfSymbol> symbols = new ArrayList<>();
        for (ElfSymbol s : ctx.symbolsIn(maps.index())) {
            if (s.type() != ElfSymbol.STT_SECTION) {
                symbols.add(s);
            }
        }
        // libbpf 0.x assumed equally sized definitions: the section size divided by the number of symbols.
        if (maps.isNobits() || maps.size() == 0 || symbols.isEmpty() || maps.size() % symbols.size() != 0) {
            ctx.notes.add("legacy 'maps' section: cannot determine the definition size (" + maps.size()
                    + " bytes, " + symbols.size() + " symbols); its maps are not listed");
            return List.of();
        }
        long defSize = maps.size() / symbols.size();
        ByteView data = maps.data();
        List<MapSpec> out = new ArrayList<>(symbols.size());
        for (ElfSymbol s : symbols) {
            if (s.value() < 0 || s.value() > maps.size() - defSize) {
                ctx.notes.add("legacy map '" + s.name() + "' lies outside the 'maps' section; not listed");
                continue;
            }
            long[] f = new long[FIELDS];
            for (int i = 0; i < FIELDS && 4L * (i + 1) <= defSize; i++) {
                f[i] = data.u32(s.value() + 4L * i);
            }
            MapSpec.Builder b = MapSpec.builder(s.name(), (int) f[0])
                    .keySize(f[1])
                    .valueSize(f[2])
                    .maxEntries(f[3])
                    .flags(f[4])
                    .origin(MapOrigin.LEGACY)
                    .location(ctx.locationOf(s.name()))
                    .section(SECTION);
            ctx.btf.ifPresent(btf -> legacyBtfTypes(btf, s.name(), b));
            out.add(b.build());
        }
        return out;
    }

    /** libbpf 0.x's convention: a {@code struct ____btf_map_NAME { key; value; }} describes the key and value. */
    private static void legacyBtfTypes(Btf btf, String mapName, MapSpec.Builder b) {
        Optional<BtfType> container = btf.find(BtfKind.STRUCT, "____btf_map_" + mapName);
        if (container.isEmpty()) {
            return;
        }
        for (BtfType.Member m : ((BtfType.Struct) container.get()).members()) {
            if (m.name().equals("key")) {
                b.keyType(new TypeRef(btf, m.type()));
            } else if (m.name().equals("value")) {
                b.valueType(new TypeRef(btf, m.type()));
            }
        }
    }
}
