package org.ebpfj.object.cdump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;

/**
 * Generates a C file of {@code _Static_assert}s that a compiler checks against a header written by
 * {@link CHeaderWriter}: the size of every struct, union, enum and typedef, and the offset of every member that is
 * not a bitfield (members of anonymous structs and unions included), all as the BTF says. Compiling the file
 * ({@code clang -target bpf -fsyntax-only layout_check.c}) proves the header lays types out as the BTF does;
 * any difference is a compile error naming the type, the member and the expected number.
 *
 * <p>Types that hold a {@code va_list} by value are left out: the header, like bpftool's, leaves
 * {@code __builtin_va_list} to the compiler, and the BPF target's is a pointer (8 bytes) where x86_64's is a
 * 24-byte array. No BPF program uses a {@code va_list}, and CO-RE relocates the fields that follow it.
 *
 * <p>Command line (from bpf-object, after {@code test-compile}):
 * <pre>
 * java -cp target/classes:target/test-classes org.ebpfj.object.cdump.LayoutAssertions \
 *     /sys/kernel/btf/vmlinux vmlinux.h layout_check.c [root type ...]
 * </pre>
 * writes both the header and the check; the check includes the header by its file name.
 */
public final class LayoutAssertions {
    private final Btf btf;
    private final CHeaderWriter.NamedHeader header;
    private final StringBuilder out = new StringBuilder();
    private final byte[] holdsVaList; // 0 unknown, 1 no, 2 yes
    private int assertions;

    private LayoutAssertions(Btf btf, CHeaderWriter.NamedHeader header) {
        this.btf = btf;
        this.header = header;
        this.holdsVaList = new byte[btf.typeCount()];
    }

    /** A header and the C file that checks it. */
    public record Generated(String header, String check, int assertions) {
    }

    /** Writes the header for {@code options} and the assertions for every type in it. */
    public static Generated generate(Btf btf, CHeaderOptions options, String headerInclude)
            throws BtfFormatException {
        CHeaderWriter.NamedHeader header = CHeaderWriter.render(btf, options);
        LayoutAssertions check = new LayoutAssertions(btf, header);
        check.out.append("/* Layout checks generated from BTF: every size and offset the header must reproduce. */\n");
        check.out.append("#include \"").append(headerInclude).append("\"\n\n");
        check.out.append("#define CHECK_SIZE(T, N) _Static_assert(sizeof(T) == N, \"sizeof(\" #T \") != \" #N)\n");
        check.out.append("#define CHECK_OFFSET(T, M, N) _Static_assert(__builtin_offsetof(T, M) == N, ")
                .append("\"offsetof(\" #T \", \" #M \") != \" #N)\n\n");
        for (BtfType t : btf.types()) {
            check.typeChecks(t);
        }
        return new Generated(header.text(), check.out.toString(), check.assertions);
    }

    private void typeChecks(BtfType t) {
        String name = header.definedName(t.id());
        if (name == null || name.isEmpty()) {
            return; // anonymous, or not defined in this header
        }
        if (holdsVaList(t.id())) {
            out.append("/* skipped, holds the compiler's va_list: ").append(name).append(" */\n");
            return;
        }
        switch (t.kind()) {
            case STRUCT:
            case UNION: {
                String cType = (t instanceof BtfType.Struct ? "struct " : "union ") + name;
                size(cType, ((Composite) t).size());
                members(cType, (Composite) t, "", 0);
                break;
            }
            case ENUM:
            case ENUM64:
                if (!(t instanceof BtfType.Enum) || !((BtfType.Enum) t).values().isEmpty()) {
                    size("enum " + name, btf.sizeOf(t.id()).getAsLong());
                }
                break;
            case TYPEDEF: {
                BtfType target = btf.resolve(t.id());
                if (btf.sizeOf(t.id()).isPresent() && !(target instanceof BtfType.FuncProto)) {
                    size(name, btf.sizeOf(t.id()).getAsLong());
                    if (target instanceof Composite && target.name().isEmpty()) {
                        members(name, (Composite) target, "", 0);
                    }
                }
                break;
            }
            default:
                break;
        }
    }

    /** Offsets of every non-bitfield member, reaching into anonymous structs and unions. */
    private void members(String cType, Composite c, String prefix, long baseBits) {
        for (Member m : c.members()) {
            long bits = baseBits + m.bitOffset();
            if (m.name().isEmpty()) {
                BtfType inner = btf.resolve(m.type());
                if (inner instanceof Composite && inner.name().isEmpty()) {
                    members(cType, (Composite) inner, prefix, bits); // C11 anonymous member
                }
                continue;
            }
            if (m.isBitfield()) {
                continue; // offsetof cannot name a bitfield
            }
            String path = prefix + m.name();
            offset(cType, path, bits / 8);
            BtfType inner = btf.resolve(m.type());
            if (inner instanceof BtfType.Array) {
                BtfType element = btf.resolve(((BtfType.Array) inner).elementType());
                if (element instanceof Composite && element.name().isEmpty()
                        && ((BtfType.Array) inner).elements() > 0) {
                    members(cType, (Composite) element, path + "[0].", bits);
                }
            } else if (inner instanceof Composite && inner.name().isEmpty()) {
                members(cType, (Composite) inner, path + ".", bits);
            }
        }
    }

    /** Whether the layout of {@code id} includes {@code __builtin_va_list}, whose size is the compiler's. */
    private boolean holdsVaList(int id) {
        if (holdsVaList[id] == 0) {
            BtfType t = btf.type(id);
            boolean holds;
            if (t instanceof BtfType.Typedef && t.name().equals("__builtin_va_list")) {
                holds = true;
            } else if (t instanceof BtfType.Modifier) {
                holds = holdsVaList(((BtfType.Modifier) t).type());
            } else if (t instanceof BtfType.Array) {
                holds = holdsVaList(((BtfType.Array) t).elementType());
            } else if (t instanceof Composite) {
                holds = ((Composite) t).members().stream().anyMatch(m -> holdsVaList(m.type()));
            } else {
                holds = false;
            }
            holdsVaList[id] = (byte) (holds ? 2 : 1);
        }
        return holdsVaList[id] == 2;
    }

    private void size(String cType, long size) {
        out.append("CHECK_SIZE(").append(cType).append(", ").append(size).append(");\n");
        assertions++;
    }

    private void offset(String cType, String member, long offset) {
        out.append("CHECK_OFFSET(").append(cType).append(", ").append(member).append(", ").append(offset)
                .append(");\n");
        assertions++;
    }

    public static void main(String[] args) throws IOException, BtfFormatException {
        if (args.length < 3) {
            System.err.println("usage: LayoutAssertions <btf file> <header out> <check.c out> [root type ...]");
            System.exit(2);
        }
        Btf btf = BtfReader.read(Files.readAllBytes(Path.of(args[0])));
        List<String> roots = Arrays.asList(args).subList(3, args.length);
        CHeaderOptions options = CHeaderOptions.defaults().withRootTypes(roots)
                .withHeaderComment("generated from " + args[0] + " by LayoutAssertions");
        Path header = Path.of(args[1]);
        Generated generated = generate(btf, options, header.getFileName().toString());
        Files.writeString(header, generated.header());
        Files.writeString(Path.of(args[2]), generated.check());
        System.out.println(generated.assertions() + " assertions in " + args[2]);
    }
}
