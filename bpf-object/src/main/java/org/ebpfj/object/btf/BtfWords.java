package org.ebpfj.object.btf;

import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.bytes.StringTable;

/**
 * The BTF type section as 32-bit words (every field of every BTF record is one), indexed by type id, and checked
 * record by record as the index is built: known kinds, records inside the section, name offsets inside the string
 * table, the per-kind limits the kernel checks. Nothing is decoded into objects here; {@link Btf} decodes a type the
 * first time it is asked for, so an object whose maps use ten of its three hundred types pays for ten.
 */
final class BtfWords {
    static final int TYPE_HEADER_WORDS = 3;
    private static final long U32_MAX = 0xffffffffL;

    /** The type section, one element per 32-bit word, in host order. */
    final int[] words;
    /** Where each type's header starts, in words; index = type id, element 0 (void) unused. */
    final int[] start;
    /** Each type's kind code; 0 (void) for id 0 only. */
    final byte[] kinds;
    final int count;

    private BtfWords(int[] words, int[] start, byte[] kinds, int count) {
        this.words = words;
        this.start = start;
        this.kinds = kinds;
        this.count = count;
    }

    static BtfWords index(ByteView section, StringTable strings) throws BtfFormatException {
        if (section.length() % 4 != 0) {
            throw new BtfFormatException(section.part(), section.length() & ~3, "truncated or inconsistent: "
                    + section.length() + " bytes is not a whole number of 4-byte words");
        }
        int[] words = section.words();
        int n = words.length / TYPE_HEADER_WORDS + 1;
        int[] start = new int[n + 1];
        byte[] kinds = new byte[n + 1];
        int id = 1;
        for (int w = 0; w < words.length; id++) {
            if (w + TYPE_HEADER_WORDS > words.length) {
                throw truncated(section, id, w);
            }
            start[id] = w;
            kinds[id] = (byte) (words[w + 1] >>> 24 & 0x1f);
            w = check(section, strings, words, id, w);
        }
        return new BtfWords(words, start, kinds, id);
    }

    /** Checks one record and returns where the next starts. */
    private static int check(ByteView section, StringTable strings, int[] words, int id, int w)
            throws BtfFormatException {
        int info = words[w + 1];
        int vlen = info & 0xffff;
        int kindCode = info >>> 24 & 0x1f;
        long sizeOrType = words[w + 2] & U32_MAX;
        name(strings, words[w], id, 0, -1);
        if (kindCode == 0 || kindCode >= RECORD_WORDS.length) { // VOID is id 0's alone; above ENUM64 is unknown
            throw fail(id, 4L * w, "unknown kind " + kindCode);
        }
        int data = w + TYPE_HEADER_WORDS;
        int recordWords = RECORD_WORDS[kindCode];
        int extra = EXTRA_WORDS[kindCode];
        if (recordWords == 0 && vlen != 0 && kindCode != FUNC) { // a FUNC's vlen is its linkage
            throw fail(id, -1, "has vlen " + vlen + " but its kind has no members");
        }
        long end = data + extra + (long) vlen * recordWords;
        if (end > words.length) {
            throw truncated(section, id, w);
        }
        switch (kindCode) {
            case INT: {
                int enc = words[data];
                int bits = enc & 0xff;
                int bitOffset = enc >>> 16 & 0xff;
                if (sizeOrType == 0 || sizeOrType > 16 || bits > 128 || bitOffset + bits > sizeOrType * 8) {
                    throw fail(id, 4L * w, "int of " + sizeOrType + " bytes cannot hold " + bits + " bits at bit "
                            + bitOffset);
                }
                break;
            }
            case ENUM:
            case ENUM64:
                if (sizeOrType != 1 && sizeOrType != 2 && sizeOrType != 4 && sizeOrType != 8) {
                    throw fail(id, 4L * w, "enum of " + sizeOrType + " bytes");
                }
                break;
            case FUNC:
                if (vlen > 2) {
                    throw fail(id, 4L * w, "unknown function linkage " + vlen);
                }
                break;
            case VAR:
                if ((words[data] & U32_MAX) > 2) {
                    throw fail(id, 4L * w, "unknown variable linkage " + (words[data] & U32_MAX));
                }
                break;
            case FLOAT:
                if (sizeOrType != 2 && sizeOrType != 4 && sizeOrType != 8 && sizeOrType != 12 && sizeOrType != 16) {
                    throw fail(id, 4L * w, "float of " + sizeOrType + " bytes");
                }
                break;
            case DECL_TAG:
                if (words[data] < -1) {
                    throw fail(id, 4L * w, "component index " + words[data]);
                }
                break;
            default:
                break;
        }
        if (recordWords != 0 && kindCode != DATASEC) { // a section's variables are ids, not names
            for (int i = 0; i < vlen; i++) {
                name(strings, words[data + i * recordWords], id, kindCode, i);
            }
        }
        return (int) end;
    }

    /** Kind codes the per-record checks test (BTF_KIND_*; {@link BtfKind} names them all). */
    private static final int INT = 1;
    private static final int ENUM = 6;
    private static final int FUNC = 12;
    private static final int VAR = 14;
    private static final int DATASEC = 15;
    private static final int FLOAT = 16;
    private static final int DECL_TAG = 17;
    private static final int ENUM64 = 19;
    /** {@link #recordWords} by kind code, for the per-type loop; one element per kind, VOID to ENUM64. */
    private static final int[] RECORD_WORDS = new int[BtfKind.values().length];
    /** Words of fixed data after the header, by kind code: an array's three, an int's, var's and tag's one. */
    private static final int[] EXTRA_WORDS = new int[BtfKind.values().length];

    static {
        for (BtfKind k : BtfKind.values()) {
            RECORD_WORDS[k.code()] = recordWords(k);
            EXTRA_WORDS[k.code()] = k == BtfKind.ARRAY ? 3 : k == BtfKind.INT || k == BtfKind.VAR
                    || k == BtfKind.DECL_TAG ? 1 : 0;
        }
    }

    /** Words per vlen record: members, enum values, parameters, section variables; 0 for kinds without. */
    static int recordWords(BtfKind kind) {
        switch (kind) {
            case STRUCT:
            case UNION:
            case ENUM64:
            case DATASEC:
                return 3;
            case ENUM:
            case FUNC_PROTO:
                return 2;
            default:
                return 0;
        }
    }

    /** What the records of a kind with named records are called in messages; null for the others. */
    private static String memberRole(BtfKind kind) {
        switch (kind) {
            case STRUCT:
            case UNION:
                return "member";
            case ENUM:
            case ENUM64:
                return "value";
            case FUNC_PROTO:
                return "parameter";
            default:
                return null;
        }
    }

    /** Checks a name offset; {@code kindCode} 0 for the type's own name, else the kind whose record it names. */
    private static void name(StringTable strings, int offset, int id, int kindCode, int index)
            throws BtfFormatException {
        long off = offset & U32_MAX;
        if (!strings.fits(off)) {
            String role = kindCode == 0 ? null : memberRole(BtfKind.atCode(kindCode));
            String what = "BTF type #" + id + (role == null ? "" : " " + role + " " + index);
            throw new BtfFormatException(what, -1, off >= strings.length() ? "name offset " + off + " is outside the "
                    + strings.length() + "-byte string section" : "truncated or inconsistent: the name at " + off
                    + " is longer than " + strings.maxLength() + " bytes");
        }
    }

    private static BtfFormatException truncated(ByteView section, int id, int w) {
        return new BtfFormatException("BTF type #" + id, section.absoluteStart() + 4L * w, "truncated or inconsistent:"
                + " the record runs past the end of the " + section.length() + "-byte type section");
    }

    private static BtfFormatException fail(int id, long offset, String message) {
        return new BtfFormatException("BTF type #" + id, offset, message);
    }

    BtfKind kind(int id) {
        return BtfKind.atCode(kinds[id]);
    }

    int nameOffset(int id) {
        return words[start[id]];
    }

    int vlen(int id) {
        return words[start[id] + 1] & 0xffff;
    }

    boolean kindFlag(int id) {
        return words[start[id] + 1] < 0;
    }

    long sizeOrType(int id) {
        return words[start[id] + 2] & U32_MAX;
    }

    /** The first word after the header. */
    int data(int id) {
        return start[id] + TYPE_HEADER_WORDS;
    }

    /** A referenced id as stored (unsigned); ids past int range become {@link Integer#MAX_VALUE}, never valid. */
    static int ref(int word) {
        return word < 0 ? Integer.MAX_VALUE : word;
    }

    /** How many ids type {@code id} refers to (members, parameters, element and index, the qualified type). */
    int referenceCount(int id) {
        switch (kinds[id]) {
            case 2: case 8: case 9: case 10: case 11: case 12: case 14: case 17: case 18:
                return 1; // PTR, TYPEDEF, VOLATILE, CONST, RESTRICT, FUNC, VAR, DECL_TAG, TYPE_TAG
            case 3: // ARRAY: element and index types
                return 2;
            case 4: case 5: case 15: // STRUCT, UNION, DATASEC
                return vlen(id);
            case 13: // FUNC_PROTO: the return type and each parameter
                return vlen(id) + 1;
            default:
                return 0;
        }
    }

    /** The i-th id type {@code id} refers to, for i below {@link #referenceCount}. */
    int reference(int id, int i) {
        int d = data(id);
        switch (kinds[id]) {
            case 3:
                return ref(words[d + i]);
            case 4: case 5:
                return ref(words[d + 3 * i + 1]);
            case 15:
                return ref(words[d + 3 * i]);
            case 13:
                return ref(i == 0 ? words[start[id] + 2] : words[d + 2 * (i - 1) + 1]);
            default:
                return ref(words[start[id] + 2]);
        }
    }

    /** Whether the kind only qualifies or renames another type (typedef, const, volatile, restrict, type tag). */
    boolean isModifier(int id) {
        int k = kinds[id];
        return k >= 8 && k <= 11 || k == 18;
    }
}
