package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.Errno;

/**
 * The programs of an object, as libbpf lists them ({@code bpf_object__add_programs}): every function symbol in an
 * executable section other than {@code .text}, sorted by section and offset. Functions in {@code .text} are
 * subprograms, called by programs and never loaded alone, so they are not listed.
 */
final class Programs {
    private static final String TEXT = ".text";
    private static final int INSN_SIZE = 8;

    private Programs() {
    }

    private record Found(ElfSection section, ElfSymbol symbol) {
    }

    /** libbpf's order: by section, then by offset in it. */
    private static final Comparator<Found> BY_PLACE = Comparator.comparingInt((Found f) -> f.section().index())
            .thenComparingLong(f -> f.symbol().value());

    static List<ProgramSpec> read(ObjectContext ctx) {
        List<Found> found = new ArrayList<>();
        for (ElfSection s : ctx.elf.sections()) {
            if (!holdsPrograms(s)) {
                continue;
            }
            for (ElfSymbol sym : ctx.symbolsIn(s.index())) {
                if (sym.isFunction() && check(ctx, s, sym)) {
                    found.add(new Found(s, sym));
                }
            }
        }
        found.sort(BY_PLACE);
        List<ProgramSpec> out = new ArrayList<>(found.size());
        for (Found f : found) {
            String sec = f.section().name();
            Optional<ProgramSections.Kind> kind = ProgramSections.classify(sec);
            out.add(new ProgramSpec(f.symbol().name(), sec, kind.map(ProgramSections.Kind::type),
                    kind.map(ProgramSections.Kind::attachTarget).orElse(""),
                    (int) (f.symbol().size() / INSN_SIZE), ctx.locationOf(f.symbol().name())));
        }
        return out;
    }

    /** The index of the first section that can hold programs, or {@code Integer.MAX_VALUE} when there is none. */
    static int firstProgramSection(ElfFile elf) {
        for (ElfSection s : elf.sections()) {
            if (holdsPrograms(s)) {
                return s.index();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean holdsPrograms(ElfSection s) {
        return s.isProgbits() && s.isExecutable() && s.size() != 0 && !s.name().equals(TEXT);
    }

    /** libbpf's checks on one program symbol; false when it cannot be listed at all. */
    private static boolean check(ObjectContext ctx, ElfSection s, ElfSymbol sym) {
        long off = sym.value();
        long size = sym.size();
        String name = sym.name();
        SourceLocation where = ctx.locationOf(name);
        if (off < 0 || size < 0 || off > s.size() || size > s.size() - off) {
            // LIBBPF_ERRNO__FORMAT: a libbpf-specific code, not an errno.
            ctx.problem("", ProblemCodes.PROGRAM_CORRUPT, null, "sec '" + s.name() + "': program at offset "
                    + Long.toUnsignedString(off) + " crosses section boundary", where);
            return false;
        }
        if (size == 0 || size % INSN_SIZE != 0 || off % INSN_SIZE != 0) {
            ctx.problem("", ProblemCodes.PROGRAM_CORRUPT, Errno.EINVAL, "sec '" + s.name()
                    + "': corrupted program '" + name + "', offset " + off + ", size " + size, where);
            return false;
        }
        if (sym.isLocal()) {
            ctx.problem("", ProblemCodes.PROGRAM_STATIC, Errno.EOPNOTSUPP, "sec '" + s.name() + "': program '"
                    + name + "' is static and not supported", where);
        }
        return true;
    }
}
