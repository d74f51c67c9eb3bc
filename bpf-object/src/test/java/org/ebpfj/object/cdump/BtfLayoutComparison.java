package org.ebpfj.object.cdump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;

/**
 * The round trip that also covers bitfields: compile the written header into a BPF object whose BTF describes
 * every type in it (one global variable per type), then compare that BTF with the original, type by type and
 * member by member: sizes, bit offsets and bitfield widths. {@link LayoutAssertions} cannot name bitfields in
 * {@code offsetof}; this can.
 *
 * <p>Steps (the second needs clang and llvm-objcopy, so it is not part of the unit tests):
 * <pre>
 * java -cp target/classes:target/test-classes org.ebpfj.object.cdump.BtfLayoutComparison source \
 *     /sys/kernel/btf/vmlinux vmlinux.h all_types.c
 * clang -target bpf -O2 -g -c all_types.c -o all_types.o
 * llvm-objcopy --dump-section .BTF=all_types.btf all_types.o
 * java ... BtfLayoutComparison compare /sys/kernel/btf/vmlinux all_types.btf
 * </pre>
 */
public final class BtfLayoutComparison {
    private final Btf original;
    private final CHeaderWriter.NamedHeader header;
    private final Btf compiled;
    private final Map<String, Integer> compiledByKindAndName = new HashMap<>();
    private final List<String> differences = new ArrayList<>();

    private BtfLayoutComparison(Btf original, CHeaderWriter.NamedHeader header, Btf compiled) {
        this.original = original;
        this.header = header;
        this.compiled = compiled;
        for (BtfType t : compiled.types()) {
            if (!t.name().isEmpty()) {
                compiledByKindAndName.putIfAbsent(namespaceKey(t) + t.name(), t.id());
            }
        }
    }

    /** A C file that includes the header and declares one global of every named type, so BTF describes it. */
    public static String allTypesSource(Btf btf, CHeaderOptions options, String headerInclude)
            throws BtfFormatException {
        CHeaderWriter.NamedHeader header = CHeaderWriter.render(btf, options);
        StringBuilder c = new StringBuilder("#include \"").append(headerInclude).append("\"\n\n");
        for (BtfType t : btf.types()) {
            String cType = cType(btf, t, header.definedName(t.id()));
            if (cType != null) {
                c.append(cType).append(" __layout_").append(t.id()).append(";\n");
            }
        }
        return c.toString();
    }

    private static String cType(Btf btf, BtfType t, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        switch (t.kind()) {
            case STRUCT:
                return "struct " + name;
            case UNION:
                return "union " + name;
            case ENUM:
            case ENUM64:
                return t instanceof BtfType.Enum && ((BtfType.Enum) t).values().isEmpty() ? null : "enum " + name;
            case TYPEDEF:
                return btf.sizeOf(t.id()).isPresent() && !(btf.resolve(t.id()) instanceof BtfType.FuncProto)
                        && !name.equals("__builtin_va_list") ? name : null;
            default:
                return null;
        }
    }

    /** Every layout difference between the original BTF and the compiled header's BTF, as readable lines. */
    public static List<String> compare(Btf original, CHeaderOptions options, Btf compiled) throws BtfFormatException {
        BtfLayoutComparison comparison = new BtfLayoutComparison(original, CHeaderWriter.render(original, options),
                compiled);
        for (BtfType t : original.types()) {
            comparison.compareType(t);
        }
        return comparison.differences;
    }

    private void compareType(BtfType t) {
        String name = header.definedName(t.id());
        if (cType(original, t, name) == null) {
            return;
        }
        Integer other = compiledByKindAndName.get(namespaceKey(t) + name);
        if (other == null) {
            differences.add(t.kind() + " " + name + ": missing from the compiled BTF");
            return;
        }
        compareLayout(name, t.id(), other);
    }

    private void compareLayout(String where, int originalId, int compiledId) {
        long size = original.sizeOf(originalId).orElse(-1);
        long compiledSize = compiled.sizeOf(compiledId).orElse(-1);
        if (size != compiledSize) {
            differences.add(where + ": size " + compiledSize + ", BTF says " + size);
            return;
        }
        BtfType a = original.resolve(originalId);
        BtfType b = compiled.resolve(compiledId);
        if (a instanceof BtfType.Array && b instanceof BtfType.Array) {
            compareLayout(where + "[]", ((BtfType.Array) a).elementType(), ((BtfType.Array) b).elementType());
            return;
        }
        if (!(a instanceof Composite) || !(b instanceof Composite)) {
            return;
        }
        List<Member> am = ((Composite) a).members();
        List<Member> bm = ((Composite) b).members();
        if (am.size() != bm.size()) {
            differences.add(where + ": " + bm.size() + " members, BTF says " + am.size());
            return;
        }
        for (int i = 0; i < am.size(); i++) {
            Member x = am.get(i);
            Member y = bm.get(i);
            String member = where + "." + (x.name().isEmpty() ? "<anon#" + i + ">" : x.name());
            if (!x.name().equals(y.name()) || x.bitOffset() != y.bitOffset()
                    || x.bitfieldSize() != y.bitfieldSize()) {
                differences.add(member + ": '" + y.name() + "' at bit " + y.bitOffset() + " width "
                        + y.bitfieldSize() + ", BTF says '" + x.name() + "' at bit " + x.bitOffset() + " width "
                        + x.bitfieldSize());
            } else if (original.resolve(x.type()).name().isEmpty()) {
                compareLayout(member, x.type(), y.type()); // anonymous types are only checked here
            }
        }
    }

    private static String namespaceKey(BtfType t) {
        return switch (t.kind()) {
            case STRUCT -> "struct ";
            case UNION -> "union ";
            case ENUM, ENUM64 -> "enum ";
            case TYPEDEF -> "typedef ";
            default -> t.kind() + " ";
        };
    }

    public static void main(String[] args) throws IOException, BtfFormatException {
        Btf btf = BtfReader.read(Files.readAllBytes(Path.of(args[1])));
        CHeaderOptions options = CHeaderOptions.defaults();
        if (args[0].equals("source")) {
            Path header = Path.of(args[2]);
            Files.writeString(header, CHeaderWriter.toString(btf, options));
            Files.writeString(Path.of(args[3]), allTypesSource(btf, options, header.getFileName().toString()));
            return;
        }
        Btf compiled = BtfReader.read(Files.readAllBytes(Path.of(args[2])));
        List<String> differences = compare(btf, options, compiled);
        differences.forEach(System.out::println);
        System.out.println(differences.size() + " differences");
    }
}
