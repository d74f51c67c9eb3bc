package org.ebpfj.object.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ebpfj.object.testing.ElfBytes;
import org.ebpfj.object.testing.TestObjects;

/**
 * Derives malformed inputs from the real test objects: bit flips, boundary-value overwrites, truncations,
 * section-header and symbol field edits, edits aimed at the BTF and DWARF sections (where the parsers have the
 * most structure to lie about), and splices between objects. Deterministic for a given {@link Random}, and each
 * input carries a description of what was done, so a failure can be reproduced and understood.
 */
final class ObjectMutator {
    private static final long[] BOUNDARY_32 = {0, 1, 0xff, 0xffff, 0x7fffffff, 0x80000000L, 0xffffffffL, 0xfffffff0L,
            0xffffff00L, 24, 64, 4096};
    private static final long[] BOUNDARY_64 = {0, 1, 0x7fffffffL, 0x80000000L, 0xffffffffL, Long.MAX_VALUE,
            Long.MIN_VALUE, -1, 0x100000000L};
    private static final String[] TARGET_SECTIONS = {".BTF", ".debug_info", ".debug_abbrev", ".debug_line",
            ".debug_str_offsets", ".maps", ".symtab", ".strtab", ".rel.debug_info", ".BTF.ext", "license", "maps"};

    /** A corpus entry: an object and where its interesting parts are. */
    private record Seed(String name, byte[] bytes, int shoff, int shnum, int[][] targets) {
    }

    /** One derived input. */
    record Input(String description, byte[] bytes) {
    }

    private final List<Seed> corpus = new ArrayList<>();

    ObjectMutator() {
        for (String name : TestObjects.ALL) {
            byte[] b = TestObjects.bytes(name);
            ElfBytes e = new ElfBytes(b);
            int[][] targets = new int[TARGET_SECTIONS.length][];
            for (int i = 0; i < TARGET_SECTIONS.length; i++) {
                try {
                    targets[i] = new int[] {e.sectionOffset(TARGET_SECTIONS[i]), e.sectionSize(TARGET_SECTIONS[i])};
                } catch (IllegalArgumentException absent) {
                    targets[i] = null;
                }
            }
            corpus.add(new Seed(name, b, e.header(0), e.sectionCount(), targets));
        }
    }

    Input next(Random r) {
        Seed seed = corpus.get(r.nextInt(corpus.size()));
        byte[] b = seed.bytes().clone();
        StringBuilder d = new StringBuilder(seed.name());
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            d.append("; ");
            b = mutate(seed, b, r, d);
        }
        return new Input(d.toString(), b);
    }

    private byte[] mutate(Seed s, byte[] b, Random r, StringBuilder d) {
        if (b.length == 0) {
            d.append("empty");
            return b;
        }
        switch (r.nextInt(10)) {
            case 0:
                return bitFlips(b, r, d);
            case 1:
                return overwrite(b, r.nextInt(b.length), r, d);
            case 2:
                return truncate(s, b, r, d);
            case 3:
            case 4:
                return sectionHeaderField(s, b, r, d);
            case 5:
            case 6:
                return inTarget(s, b, r, d, r.nextBoolean() ? 0 : 1 + r.nextInt(TARGET_SECTIONS.length - 1));
            case 7:
                return splice(b, r, d);
            case 8:
                return headerField(b, r, d);
            default:
                return lebBomb(s, b, r, d);
        }
    }

    private static byte[] bitFlips(byte[] b, Random r, StringBuilder d) {
        int n = 1 + r.nextInt(8);
        d.append("flip");
        for (int i = 0; i < n; i++) {
            int pos = r.nextInt(b.length);
            int bit = r.nextInt(8);
            b[pos] ^= (byte) (1 << bit);
            d.append(' ').append(pos).append('.').append(bit);
        }
        return b;
    }

    /** Writes a boundary value (1, 2, 4 or 8 bytes, either byte order) at {@code pos}. */
    private static byte[] overwrite(byte[] b, int pos, Random r, StringBuilder d) {
        int width = new int[] {1, 2, 4, 4, 4, 8}[r.nextInt(6)];
        long v;
        if (width == 8) {
            v = BOUNDARY_64[r.nextInt(BOUNDARY_64.length)];
        } else if (r.nextInt(4) == 0) {
            v = r.nextInt(64);
        } else {
            v = BOUNDARY_32[r.nextInt(BOUNDARY_32.length)];
        }
        boolean little = r.nextBoolean();
        d.append("write").append(width).append(little ? "le@" : "be@").append(pos).append("=0x")
                .append(Long.toHexString(v));
        for (int i = 0; i < width && pos + i < b.length; i++) {
            int shift = little ? 8 * i : 8 * (width - 1 - i);
            b[pos + i] = (byte) (v >>> shift);
        }
        return b;
    }

    private static byte[] truncate(Seed s, byte[] b, Random r, StringBuilder d) {
        int len;
        if (r.nextBoolean()) {
            len = r.nextInt(b.length);
        } else {
            // Near a section boundary, where a reader is most likely to trust a size it should not.
            int[] t = s.targets()[r.nextInt(s.targets().length)];
            int edge = t == null ? s.shoff() : t[0] + (r.nextBoolean() ? 0 : t[1]);
            len = Math.max(0, Math.min(b.length - 1, edge + r.nextInt(9) - 4));
        }
        d.append("truncate ").append(len);
        return Arrays.copyOf(b, len);
    }

    private static byte[] sectionHeaderField(Seed s, byte[] b, Random r, StringBuilder d) {
        int index = r.nextInt(s.shnum());
        ElfBytes.Shdr[] fields = ElfBytes.Shdr.values();
        ElfBytes.Shdr field = fields[r.nextInt(fields.length)];
        int at = s.shoff() + 64 * index + field.offset;
        if (at + 8 > b.length) {
            d.append("shdr (gone)");
            return b;
        }
        d.append("shdr#").append(index).append('+').append(field.offset).append(": ");
        if (r.nextInt(3) == 0) {
            // Small nudge of a real value: off-by-some sizes and offsets.
            int delta = r.nextInt(33) - 16;
            ElfBytes e = new ElfBytes(b);
            if (field.width == 8) {
                e.put64(at, e.u64(at) + delta);
            } else {
                e.put32(at, e.u32(at) + delta);
            }
            d.append("delta ").append(delta);
            return b;
        }
        return overwrite(b, at, r, d);
    }

    /** An edit inside one of the structured sections; target 0 is .BTF, which gets half of all these edits. */
    private static byte[] inTarget(Seed s, byte[] b, Random r, StringBuilder d, int target) {
        int[] t = s.targets()[target];
        if (t == null || t[1] == 0) {
            return overwrite(b, r.nextInt(b.length), r, d);
        }
        d.append(TARGET_SECTIONS[target]).append(' ');
        int rel;
        if (target == 0 && r.nextInt(4) == 0) {
            rel = 4 * r.nextInt(6); // a BTF header field
        } else {
            rel = r.nextInt(t[1]);
            if (r.nextBoolean()) {
                rel &= ~3;
            }
        }
        int pos = t[0] + rel;
        if (pos >= b.length) {
            return b;
        }
        return r.nextInt(4) == 0 ? bitFlips(b, r, d) : overwrite(b, pos, r, d);
    }

    /** A run of 0x80 bytes (endless LEB128 continuation) or 0xff bytes in a DWARF section. */
    private static byte[] lebBomb(Seed s, byte[] b, Random r, StringBuilder d) {
        int[] t = s.targets()[1 + r.nextInt(4)];
        if (t == null || t[1] == 0) {
            return bitFlips(b, r, d);
        }
        int pos = t[0] + r.nextInt(t[1]);
        int len = 1 + r.nextInt(24);
        byte fill = r.nextBoolean() ? (byte) 0x80 : (byte) 0xff;
        d.append("leb-bomb@").append(pos).append('x').append(len);
        for (int i = 0; i < len && pos + i < b.length; i++) {
            b[pos + i] = fill;
        }
        return b;
    }

    private byte[] splice(byte[] b, Random r, StringBuilder d) {
        byte[] donor = corpus.get(r.nextInt(corpus.size())).bytes();
        int from = r.nextInt(donor.length);
        int len = Math.min(1 + r.nextInt(256), donor.length - from);
        int to = r.nextInt(b.length);
        if (r.nextBoolean()) {
            d.append("splice-over ").append(from).append('+').append(len).append("->").append(to);
            System.arraycopy(donor, from, b, to, Math.min(len, b.length - to));
            return b;
        }
        d.append("splice-insert ").append(from).append('+').append(len).append("->").append(to);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, to);
        System.arraycopy(donor, from, out, to, len);
        System.arraycopy(b, to, out, to + len, b.length - to);
        return out;
    }

    private static byte[] headerField(byte[] b, Random r, StringBuilder d) {
        int[] fields = {4, 5, 16, 18, 40, 52, 58, 60, 62};
        int at = fields[r.nextInt(fields.length)];
        d.append("ehdr ");
        return overwrite(b, Math.min(at, b.length - 1), r, d);
    }
}
