package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.Errno;

/** What the parts of {@link ObjectSpecReader} share while reading one object: inputs, and problems and notes found. */
final class ObjectContext {
    final ElfFile elf;
    final String file;
    final String objectName;
    final Optional<Btf> btf;
    final DeclaredLocations locations;
    /** The symbols grouped by section (counting sort on the section index, symbol table order kept inside). */
    private final ElfSymbol[] bySection;
    /** Where each section's symbols start in {@link #bySection}; index = section index, one extra at the end. */
    private final int[] sectionStart;
    final List<SpecProblem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    ObjectContext(ElfFile elf, String file, Optional<Btf> btf, DeclaredLocations locations) {
        this.elf = elf;
        this.file = file;
        this.objectName = LibbpfNames.objectName(file);
        this.btf = btf;
        this.locations = locations;
        int sections = elf.sections().size();
        List<ElfSymbol> symbols = elf.symbols();
        int[] start = new int[sections + 2];
        for (ElfSymbol sym : symbols) {
            start[bucket(sym, sections) + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        ElfSymbol[] grouped = new ElfSymbol[symbols.size()];
        int[] next = Arrays.copyOf(start, sections + 1);
        for (ElfSymbol sym : symbols) {
            grouped[next[bucket(sym, sections)]++] = sym;
        }
        this.bySection = grouped;
        this.sectionStart = start;
    }

    /** A symbol's section, or one bucket past the last section for the reserved indexes (SHN_ABS, SHN_COMMON). */
    private static int bucket(ElfSymbol sym, int sections) {
        int index = sym.sectionIndex();
        return index < sections ? index : sections;
    }

    /** The symbols defined in a section, in symbol table order (grouped once: objects may have many of both). */
    List<ElfSymbol> symbolsIn(int sectionIndex) {
        if (sectionIndex < 0 || sectionIndex >= sectionStart.length - 2) {
            return List.of();
        }
        return Arrays.asList(bySection).subList(sectionStart[sectionIndex], sectionStart[sectionIndex + 1]);
    }

    /** The declaration of a variable or function, or the object file when debug info does not say. */
    SourceLocation locationOf(String symbol) {
        return locations.of(symbol);
    }

    void problem(String mapName, String code, Errno errno, String message, SourceLocation where) {
        problems.add(new SpecProblem(mapName, code, Optional.ofNullable(errno), message, where));
    }
}
