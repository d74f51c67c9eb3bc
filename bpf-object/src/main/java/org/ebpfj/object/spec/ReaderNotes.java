package org.ebpfj.object.spec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An {@link ObjectSpec}'s notes when one of them depends on debug info not read yet: the notes found while reading,
 * with the note on unreadable DWARF (if any) at its place among them, completed on first access. Immutable.
 */
final class ReaderNotes extends AbstractList<String> implements RandomAccess {
    private final List<String> found;
    private final int dwarfNoteAt;
    private final DeclaredLocations locations;
    private volatile List<String> all;

    /** @param dwarfNoteAt where among {@code found} the note on unreadable debug info goes */
    ReaderNotes(List<String> found, int dwarfNoteAt, DeclaredLocations locations) {
        this.found = List.copyOf(found);
        this.dwarfNoteAt = dwarfNoteAt;
        this.locations = locations;
    }

    private List<String> all() {
        List<String> a = all;
        if (a == null) {
            List<String> out = new ArrayList<>(found.subList(0, dwarfNoteAt));
            locations.note().ifPresent(out::add);
            out.addAll(found.subList(dwarfNoteAt, found.size()));
            a = List.copyOf(out);
            all = a;
        }
        return a;
    }

    @Override
    public String get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }
}
