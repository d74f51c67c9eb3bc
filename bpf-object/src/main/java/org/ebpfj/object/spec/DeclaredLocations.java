package org.ebpfj.object.spec;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.ebpfj.object.dwarf.DwarfFormatException;
import org.ebpfj.object.dwarf.DwarfLocations;
import org.ebpfj.object.elf.ElfFile;

/**
 * Where the object's symbols are declared, from DWARF read the first time a location is asked for (a finding shown,
 * a report written), not while reading: the locations handed out are {@link SourceLocation#deferred deferred}, and
 * each name's file is resolved only when that name is asked for. Unreadable debug info makes every location the
 * object file, and a note says why ({@link #note()}).
 */
final class DeclaredLocations {
    static final String NO_DWARF = "no DWARF debug info (compile with -g): locations are the object file";
    private static final String UNREADABLE = "DWARF debug info is unreadable, locations are the object file: ";

    private final ElfFile elf;
    private final String file;
    private final boolean present;
    private DwarfLocations.Index index;
    private String failure;
    private boolean checkedAll;

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
        return firstOf(() -> List.of(symbol));
    }

    /**
     * The declaration of the first of {@code symbols} that debug info locates, else the object file. The list is
     * made when the location is first asked for.
     */
    SourceLocation firstOf(Supplier<List<String>> symbols) {
        if (!present) {
            return SourceLocation.ofObject(file);
        }
        return SourceLocation.deferred(() -> {
            for (String s : symbols.get()) {
                Optional<SourceLocation> loc = find(s);
                if (loc.isPresent()) {
                    return loc.get();
                }
            }
            return SourceLocation.ofObject(file);
        });
    }

    /**
     * Why locations are the object file although the object has debug info. Places every declaration (as a full
     * read does), so a fault anywhere in the debug info is noted.
     */
    synchronized Optional<String> note() {
        if (!checkedAll && index() != null) {
            checkedAll = true;
            try {
                index.all();
            } catch (DwarfFormatException e) {
                fail(e);
            }
        }
        return Optional.ofNullable(failure);
    }

    private synchronized Optional<SourceLocation> find(String symbol) {
        if (index() == null) {
            return Optional.empty();
        }
        try {
            return index.find(symbol);
        } catch (DwarfFormatException e) {
            fail(e);
            return Optional.empty();
        }
    }

    /** The walked declarations; null when the debug info cannot be read (then {@link #failure} says why). */
    private DwarfLocations.Index index() {
        if (index == null && failure == null && present) {
            try {
                index = DwarfLocations.index(elf);
            } catch (DwarfFormatException e) {
                fail(e);
            }
        }
        return index;
    }

    private void fail(DwarfFormatException e) {
        if (failure == null) {
            failure = UNREADABLE + e.getMessage();
        }
        index = null; // every location is the object file from now on, as a failed full read makes them
    }
}
