package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/**
 * The file table of one line-number program header (.debug_line). Only the header is read: declarations name files
 * by index, and the line program itself is not needed. A DWARF 5 table keeps its entries as read (string offsets,
 * directory indexes) and resolves a file's path, joined to its directory, the first time a declaration asks for
 * that file: a unit lists every header it includes, and the maps of an object are declared in one or two of them.
 *
 * <p>DWARF 5 numbers files from 0 (file 0 is the primary source file); DWARF 2..4 from 1, with 0 meaning "no
 * file". {@link #path(long)} takes the index as DW_AT_decl_file gives it.
 */
final class LineTableFiles {
    private static final int LNCT_PATH = 1;
    private static final int LNCT_DIRECTORY_INDEX = 2;

    private final int version;
    private final Paths paths;
    private final long bytesRead;

    private LineTableFiles(int version, Paths paths, long bytesRead) {
        this.version = version;
        this.paths = paths;
        this.bytesRead = bytesRead;
    }

    /** The file paths by index (0-based in the table), resolved when first asked for. */
    private interface Paths {
        int size();

        String get(int index) throws ObjectFormatException;
    }

    /** How much of .debug_line the header took to read (for {@link WorkBudget}). */
    long bytesRead() {
        return bytesRead;
    }

    int version() {
        return version;
    }

    /** The path of file {@code declFile}, or null when the index names no file. */
    String path(long declFile) throws ObjectFormatException {
        long i = version >= 5 ? declFile : declFile - 1;
        return i >= 0 && i < paths.size() ? paths.get((int) i) : null;
    }

    /**
     * Reads the header at {@code offset}.
     *
     * @param compDir  the unit's DW_AT_comp_dir (DWARF 2..4 directory 0, and the base of relative directories)
     * @param strings  resolves string forms in DWARF 5 entry formats
     */
    static LineTableFiles read(ByteView line, long offset, String compDir, StringResolver strings)
            throws ObjectFormatException {
        DwarfCursor c = new DwarfCursor(line, 0);
        c.seek(offset);
        int[] size = new int[1];
        long length = c.initialLength(size);
        int offsetSize = size[0];
        long start = c.position();
        if (length < 0 || !line.contains(start, length)) {
            throw c.fail("line table of " + length + " bytes runs past the end of .debug_line");
        }
        // Reads inside the unit only, so a lying count cannot wander into the next unit.
        DwarfCursor u = new DwarfCursor(line.slice(start, length, ".debug_line unit at " + offset), 0);
        int version = u.u16();
        if (version < 2 || version > 5) {
            throw u.fail("unsupported line table version " + version);
        }
        UnitEncoding enc = new UnitEncoding(version, offsetSize, 8);
        if (version >= 5) {
            int addressSize = u.u8();
            u.u8(); // segment selector size
            enc = new UnitEncoding(version, offsetSize, addressSize);
        }
        u.offset(offsetSize); // header_length: we read the tables field by field instead
        u.u8(); // minimum_instruction_length
        if (version >= 4) {
            u.u8(); // maximum_operations_per_instruction
        }
        u.u8(); // default_is_stmt
        u.u8(); // line_base
        u.u8(); // line_range
        int opcodeBase = u.u8();
        u.skip(Math.max(0, opcodeBase - 1));
        Paths paths = version >= 5 ? readV5(u, enc, strings) : eager(readV4(u, compDir));
        return new LineTableFiles(version, paths, u.position());
    }

    private static Paths eager(List<String> paths) {
        return new Paths() {
            @Override
            public int size() {
                return paths.size();
            }

            @Override
            public String get(int index) {
                return paths.get(index);
            }
        };
    }

    private static List<String> readV4(DwarfCursor u, String compDir) throws ObjectFormatException {
        List<String> dirs = new ArrayList<>();
        while (true) {
            String d = u.cString();
            if (d.isEmpty()) {
                break;
            }
            dirs.add(d);
        }
        List<String> files = new ArrayList<>();
        while (true) {
            String name = u.cString();
            if (name.isEmpty()) {
                break;
            }
            long dirIndex = u.uleb();
            u.uleb(); // modification time
            u.uleb(); // length
            String dir;
            if (dirIndex == 0) {
                dir = compDir;
            } else if (dirIndex <= dirs.size()) {
                dir = dirs.get((int) dirIndex - 1);
                if (!SourcePaths.isAbsolute(dir) && compDir != null) {
                    dir = compDir + "/" + dir;
                }
            } else {
                dir = null;
            }
            files.add(SourcePaths.join(dir, name));
        }
        return files;
    }

    private static Paths readV5(DwarfCursor u, UnitEncoding enc, StringResolver strings)
            throws ObjectFormatException {
        List<Entry> dirs = readEntries(u, enc);
        List<Entry> files = readEntries(u, enc);
        return new Paths() {
            private final String[] resolved = new String[files.size()];

            @Override
            public int size() {
                return files.size();
            }

            @Override
            public String get(int index) throws ObjectFormatException {
                if (resolved[index] == null) {
                    Entry e = files.get(index);
                    long dirIndex = e.dirIndex();
                    String dir = dirIndex >= 0 && dirIndex < dirs.size() ? path(dirs.get((int) dirIndex)) : null;
                    String base = dirs.isEmpty() ? null : path(dirs.get(0));
                    if (dir != null && dirIndex != 0 && !SourcePaths.isAbsolute(dir) && base != null) {
                        dir = base + "/" + dir;
                    }
                    resolved[index] = SourcePaths.join(dir, path(e));
                }
                return resolved[index];
            }

            private String path(Entry e) throws ObjectFormatException {
                return e.path() == null ? "" : strings.resolve(e.path());
            }
        };
    }

    /** A DWARF 5 entry: its path as read (null when it has none), and its directory index. */
    private record Entry(FormValue path, long dirIndex) {
    }

    /** A DWARF 5 entry list: a format (content type, form pairs), a count, then the entries. */
    private static List<Entry> readEntries(DwarfCursor u, UnitEncoding enc) throws ObjectFormatException {
        int formatCount = u.u8();
        long[] contents = new long[formatCount];
        int[] forms = new int[formatCount];
        for (int i = 0; i < formatCount; i++) {
            contents[i] = u.uleb();
            long form = u.uleb();
            forms[i] = form >= 0 && form <= 0xffff ? (int) form : -1;
        }
        long count = u.uleb();
        List<Entry> entries = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            long before = u.position();
            FormValue path = null;
            long dirIndex = 0;
            for (int i = 0; i < formatCount; i++) {
                if (contents[i] == LNCT_PATH) {
                    FormValue v = DwarfForm.read(u, forms[i], enc, 0);
                    path = v.isString() ? v : path;
                } else if (contents[i] == LNCT_DIRECTORY_INDEX) {
                    dirIndex = DwarfForm.number(u, forms[i], enc, 0, dirIndex);
                } else {
                    DwarfForm.skip(u, forms[i], enc);
                }
            }
            if (u.position() == before) {
                // Entries that take no bytes would let a huge count spin without reading anything.
                throw u.fail("line table entries take no bytes, yet " + count + " are declared");
            }
            entries.add(new Entry(path, dirIndex));
        }
        return entries;
    }
}
