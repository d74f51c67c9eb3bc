package org.ebpfj.object.cdump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;

/**
 * Writes BTF as a C header, the way {@code bpftool btf dump file /sys/kernel/btf/vmlinux format c} writes
 * {@code vmlinux.h}: an include guard, the {@code preserve_access_index} pragma for CO-RE, then every named type
 * (and top-level anonymous enum) in an order C accepts, with forward declarations where pointers make cycles,
 * then, as bpftool 7.5+ does, a prototype for every kfunc the BTF tags (see {@link KfuncPrototypes}).
 *
 * <p>Sizes and member offsets are those of the BTF, which records no alignment and no padding members: gaps the
 * compiler would not leave by itself are written as unnamed bitfields ({@code long: 64;}), structs and unions
 * whose members sit off their natural alignment get {@code __attribute__((packed))}, and enums of 1, 2 or 8
 * bytes get a {@code mode} attribute. For the running kernel the text is bpftool's (same order, names and
 * padding) except where bpftool 7.1 gets a layout wrong: 1-byte enums (it writes them without
 * {@code mode(byte)}, so they become 4 bytes) and unions larger than their members.
 *
 * <p>{@code __builtin_va_list} is left to the compiler, as bpftool does; for the BPF target it is 8 bytes where
 * the kernel's is 24, so the few kernel structs holding a {@code va_list} differ in size (CO-RE relocates their
 * fields anyway).
 *
 * <p>The output is deterministic: the same BTF and options give the same text. Types are visited by id, as
 * bpftool does; same-named distinct types are renamed {@code name___2}, {@code name___3}, ... (see
 * {@link CNames}).
 */
public final class CHeaderWriter {
    /** Written text is handed to the {@link Appendable} in pieces of about this many characters. */
    private static final int FLUSH_CHARS = 1 << 16;

    private final Btf btf;
    private final CHeaderOptions options;
    private final CNames names;
    private final long outputLimit;
    private final StringBuilder buffer = new StringBuilder(2 * FLUSH_CHARS);
    private BitSet defined = new BitSet();

    private CHeaderWriter(Btf btf, CHeaderOptions options, long outputLimit) {
        this.btf = btf;
        this.options = options;
        this.names = new CNames(btf);
        this.outputLimit = outputLimit;
    }

    /**
     * Writes the header.
     *
     * @throws BtfFormatException       the BTF has types C cannot express (a struct cycle without a pointer,
     *                                  a variable used as a type, nesting deeper than any compiler produces), or
     *                                  asks for a header of more than 64 Mi characters (see {@link OutputBudget})
     * @throws IllegalArgumentException a root type named in the options is not in the BTF
     */
    public static void write(Btf btf, CHeaderOptions options, Appendable out) throws IOException, BtfFormatException {
        new CHeaderWriter(btf, options, OutputBudget.DEFAULT_LIMIT).writeTo(out);
    }

    /** The header as a string. */
    public static String toString(Btf btf, CHeaderOptions options) throws BtfFormatException {
        StringBuilder text = new StringBuilder();
        try {
            write(btf, options, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return text.toString();
    }

    /**
     * The header together with the C names it gave to types ({@code name___2} for a renamed duplicate), for
     * code that checks the header against the BTF.
     */
    static NamedHeader render(Btf btf, CHeaderOptions options) throws BtfFormatException {
        return render(btf, options, OutputBudget.DEFAULT_LIMIT);
    }

    /** With another ceiling on the text (see {@link OutputBudget}), for tests. */
    static NamedHeader render(Btf btf, CHeaderOptions options, long outputLimit) throws BtfFormatException {
        CHeaderWriter writer = new CHeaderWriter(btf, options, outputLimit);
        StringBuilder text = new StringBuilder();
        try {
            writer.writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return new NamedHeader(text.toString(), writer.names, writer.defined);
    }

    /**
     * A written header, the names it gave to types, and which named types it defines (the others it at most
     * declares).
     */
    record NamedHeader(String text, CNames names, BitSet defined) {
        /** The C name of a type this header defines, or null (anonymous, only declared, or left out). */
        String definedName(int id) {
            return defined.get(id) ? names.given(id) : null;
        }
    }

    private void writeTo(Appendable out) throws IOException, BtfFormatException {
        List<Integer> roots = rootIds();
        if (!options.headerComment().isEmpty()) {
            buffer.append("/* ").append(options.headerComment()).append(" */\n\n");
        }
        String guard = options.includeGuard();
        buffer.append("#ifndef ").append(guard).append('\n');
        buffer.append("#define ").append(guard).append("\n\n");
        if (options.preserveAccessIndex()) {
            buffer.append("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n");
            buffer.append("#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n");
            buffer.append("#endif\n\n");
        }
        buffer.append(KfuncPrototypes.MACROS);
        DefinitionOrder order = new DefinitionOrder(btf);
        CDeclarations declarations = new CDeclarations(btf, names, new OutputBudget(outputLimit));
        DefinitionWriter definitions = new DefinitionWriter(btf, declarations, buffer);
        for (int root : roots) {
            for (int id : order.definitionsFor(root)) {
                definitions.define(id);
            }
            if (buffer.length() >= FLUSH_CHARS) {
                out.append(buffer);
                buffer.setLength(0);
            }
        }
        defined = definitions.defined();
        if (options.rootTypes().isEmpty()) { // as bpftool: a header of chosen types declares no kfuncs
            KfuncPrototypes.write(btf, declarations, buffer);
        }
        if (options.preserveAccessIndex()) {
            buffer.append("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n");
            buffer.append("#pragma clang attribute pop\n");
            buffer.append("#endif\n\n");
        }
        buffer.append("#endif /* ").append(guard).append(" */\n");
        out.append(buffer);
        buffer.setLength(0);
    }

    /** Every type id, or the ids of the named root types, in id order. */
    private List<Integer> rootIds() {
        List<Integer> ids = new ArrayList<>();
        if (options.rootTypes().isEmpty()) {
            for (int id = 1; id < btf.typeCount(); id++) {
                ids.add(id);
            }
            return ids;
        }
        TreeSet<Integer> found = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String root : new TreeSet<>(options.rootTypes())) {
            int before = found.size();
            RootName wanted = RootName.parse(root);
            for (int id : btf.idsNamed(wanted.name())) {
                if (wanted.matches(btf.type(id))) {
                    found.add(id);
                }
            }
            if (found.size() == before) {
                missing.add(root);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no struct, union, enum or typedef named " + missing + " in the BTF");
        }
        ids.addAll(found);
        return ids;
    }

    /** A root as the user names it: {@code task_struct}, or {@code struct task_struct} to pick one kind. */
    private record RootName(String keyword, String name) {
        static RootName parse(String root) {
            String trimmed = root.strip();
            int space = trimmed.indexOf(' ');
            if (space > 0) {
                String keyword = trimmed.substring(0, space).toLowerCase(Locale.ROOT);
                if (keyword.equals("struct") || keyword.equals("union") || keyword.equals("enum")
                        || keyword.equals("typedef")) {
                    return new RootName(keyword, trimmed.substring(space + 1).strip());
                }
            }
            return new RootName("", trimmed);
        }

        boolean matches(BtfType t) {
            BtfKind kind = t.kind();
            switch (keyword) {
                case "struct":
                    return kind == BtfKind.STRUCT;
                case "union":
                    return kind == BtfKind.UNION;
                case "enum":
                    return kind == BtfKind.ENUM || kind == BtfKind.ENUM64;
                case "typedef":
                    return kind == BtfKind.TYPEDEF;
                default:
                    return kind == BtfKind.STRUCT || kind == BtfKind.UNION || kind == BtfKind.ENUM
                            || kind == BtfKind.ENUM64 || kind == BtfKind.TYPEDEF;
            }
        }
    }
}
