package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/**
 * The file table of one line-number program header (.debug_line), with each entry already joined to its
 * directory. Only the header is read: declarations name files by index, and the line program itself is not needed.
 *
 * <p>DWARF 5 numbers files from 0 (file 0 is the primary source file); DWARF 2..4 from 1, with 0 meaning "no
 * file". {@link #path(long)} takes the index as DW_AT_decl_file gives it.
 */
final class LineTableFiles {
    private static final int LNCT_PATH = 1;
    private static final int LNCT_DIRECTORY_INDEX = 2;

    private final int version;
    private final List<String> paths;
    private final long bytesRead;

    private LineTableFiles(int version, List<String> paths, long bytesRead) {
        this.version = version;
        this.paths = paths;
        this.bytesRead = bytesRead;
    }

    /** How much of .debug_line the header took to read (for {@link WorkBudget}). */
    long bytesRead() {
        return bytesRead;
    }

    int version() {
        return version;
    }

    /** The path of file {@code declFile}, or null when the index names no file. */
    String path(long declFile) {
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
        long length = c.u32();
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = c.u64();
            offsetSize = 8;
        } else if (length >= 0xfffffff0L) {
            throw c.fail("reserved unit length 0x" + Long.toHexString(length));
        }
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
        List<String> paths = version >= 5 ? readV5(u, enc, strings) : readV4(u, compDir);
        return new LineTableFiles(version, paths, u.position());
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

    private static List<String> readV5(DwarfCursor u, UnitEncoding enc, StringResolver strings)
            throws ObjectFormatException {
        List<Entry> dirEntries = readEntries(u, enc, strings);
        List<String> dirs = new ArrayList<>(dirEntries.size());
        for (Entry e : dirEntries) {
            dirs.add(e.path());
        }
        String base = dirs.isEmpty() ? null : dirs.get(0);
        List<String> files = new ArrayList<>();
        for (Entry e : readEntries(u, enc, strings)) {
            String name = e.path();
            long dirIndex = e.dirIndex();
            String dir = dirIndex >= 0 && dirIndex < dirs.size() ? dirs.get((int) dirIndex) : null;
            if (dir != null && dirIndex != 0 && !SourcePaths.isAbsolute(dir) && base != null) {
                dir = base + "/" + dir;
            }
            files.add(SourcePaths.join(dir, name));
        }
        return files;
    }

    /** A DWARF 5 entry list: a format (content type, form pairs), a count, then the entries. */
    private record Entry(String path, long dirIndex) {
    }

    private static List<Entry> readEntries(DwarfCursor u, UnitEncoding enc, StringResolver strings)
            throws ObjectFormatException {
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
            String path = "";
            long dirIndex = 0;
            for (int i = 0; i < formatCount; i++) {
                FormValue v = DwarfForm.read(u, forms[i], enc, 0);
                if (contents[i] == LNCT_PATH && v.isString()) {
                    path = strings.resolve(v);
                } else if (contents[i] == LNCT_DIRECTORY_INDEX && v.kind() == FormValue.Kind.NUMBER) {
                    dirIndex = v.number();
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
