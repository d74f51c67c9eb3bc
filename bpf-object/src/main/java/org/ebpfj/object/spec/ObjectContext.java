package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<Integer, List<ElfSymbol>> symbolsBySection = new HashMap<>();
    final List<SpecProblem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    ObjectContext(ElfFile elf, String file, Optional<Btf> btf, DeclaredLocations locations) {
        this.elf = elf;
        this.file = file;
        this.objectName = LibbpfNames.objectName(file);
        this.btf = btf;
        this.locations = locations;
        for (ElfSymbol sym : elf.symbols()) {
            symbolsBySection.computeIfAbsent(sym.sectionIndex(), k -> new ArrayList<>()).add(sym);
        }
    }

    /** The symbols defined in a section, in symbol table order (grouped once: objects may have many of both). */
    List<ElfSymbol> symbolsIn(int sectionIndex) {
        return symbolsBySection.getOrDefault(sectionIndex, List.of());
    }

    /** The declaration of a variable or function, or the object file when debug info does not say. */
    SourceLocation locationOf(String symbol) {
        return locations.of(symbol);
    }

    void problem(String mapName, String code, Errno errno, String message, SourceLocation where) {
        problems.add(new SpecProblem(mapName, code, Optional.ofNullable(errno), message, where));
    }
}
