package org.ebpfj.object.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.dwarf.DwarfFormatException;
import org.ebpfj.object.dwarf.DwarfLocations;
import org.ebpfj.object.elf.ElfFile;

/**
 * Where the object's symbols are declared, read from DWARF the first time a location is asked for (a finding shown,
 * a report written), not while reading: the locations handed out are {@link SourceLocation#deferred deferred}.
 * Unreadable debug info makes every location the object file, and a note says why ({@link #note()}).
 */
final class DeclaredLocations {
    static final String NO_DWARF = "no DWARF debug info (compile with -g): locations are the object file";

    private final ElfFile elf;
    private final String file;
    private final boolean present;
    private Map<String, SourceLocation> byName;
    private String failure;

    DeclaredLocations(ElfFile elf, String file) {
        this.elf = elf;
        this.file = file;
        this.present = DwarfLocations.present(elf);
    }

    boolean present() {
        return present;
    }

    /** The declaration of a variable or function, or the object file when debug info does not say. */
    SourceLocation of(String symbol) {
        return firstOf(List.of(symbol));
    }

    /** The declaration of the first of {@code symbols} that debug info locates, else the object file. */
    SourceLocation firstOf(List<String> symbols) {
        if (!present) {
            return SourceLocation.ofObject(file);
        }
        return SourceLocation.deferred(() -> {
            Map<String, SourceLocation> all = all();
            for (String s : symbols) {
                SourceLocation loc = all.get(s);
                if (loc != null) {
                    return loc;
                }
            }
            return SourceLocation.ofObject(file);
        });
    }

    /** Why locations are the object file although the object has debug info; reads the debug info. */
    Optional<String> note() {
        all();
        synchronized (this) {
            return Optional.ofNullable(failure);
        }
    }

    private synchronized Map<String, SourceLocation> all() {
        if (byName == null) {
            if (!present) {
                byName = Map.of();
                return byName;
            }
            try {
                byName = DwarfLocations.read(elf);
            } catch (DwarfFormatException e) {
                failure = "DWARF debug info is unreadable, locations are the object file: " + e.getMessage();
                byName = Map.of();
            }
        }
        return byName;
    }
}
