package org.ebpfj.object.btf;

import java.nio.ByteOrder;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.bytes.StringTable;

/**
 * Reads a BTF blob (an object's {@code .BTF} section, or {@code /sys/kernel/btf/vmlinux}) into {@link Btf}.
 * Validates what later code relies on, in the spirit of the kernel's own BTF checks: every offset inside the
 * blob, every string terminated, every referenced id present, no modifier or array cycles, sizes that fit in
 * 32 bits, members inside their struct.
 */
public final class BtfReader {
    static final int MAGIC = 0xeb9f;
    private static final int HEADER_SIZE = 24;
    /**
     * Deepest nesting of structs, arrays and modifiers inside one another that we accept. The kernel's resolver
     * stops at 32 pending types; real BTF nests a few dozen levels at most, and queries such as
     * {@link Btf#alignOf} recurse once per level (so the bound keeps them off the end of the stack).
     */
    static final int MAX_NESTING = 128;
    /** Far above any real name (the kernel's own limit is KSYM_NAME_LEN); bounds the work per name. */
    private static final int MAX_NAME = 4096;

    private BtfReader() {
    }

    public static Btf read(byte[] blob) throws BtfFormatException {
        return read(ByteView.of(blob, ByteOrder.LITTLE_ENDIAN, "BTF"));
    }

    /** Reads BTF from a window, e.g. the .BTF section of an ELF file. */
    public static Btf read(ByteView blob) throws BtfFormatException {
        try {
            return parse(orderOf(blob));
        } catch (BtfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new BtfFormatException(e.part(), e.offset(), "truncated or inconsistent: " + e.getMessage());
        }
    }

    private static ByteView orderOf(ByteView blob) throws BtfFormatException {
        if (blob.length() < HEADER_SIZE) {
            throw new BtfFormatException(blob.part(), 0, "only " + blob.length() + " bytes, a BTF header has 24");
        }
        ByteView le = blob.withOrder(ByteOrder.LITTLE_ENDIAN);
        try {
            int magic = le.u16(0);
            if (magic == MAGIC) {
                return le;
            }
            if (magic == Integer.reverseBytes(MAGIC) >>> 16) {
                return blob.withOrder(ByteOrder.BIG_ENDIAN);
            }
            throw new BtfFormatException(blob.part(), 0,
                    String.format("bad magic 0x%04x (BTF starts with 0xeb9f)", magic));
        } catch (BtfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new BtfFormatException(blob.part(), 0, e.getMessage());
        }
    }

    /** One parse: the header, then the words indexed and checked; types are decoded later, on demand. */
    private static Btf parse(ByteView blob) throws ObjectFormatException {
        int version = blob.u8(2);
        if (version != 1) {
            throw fail("BTF header", 2, "unsupported BTF version " + version);
        }
        long hdrLen = blob.u32(4);
        if (hdrLen < HEADER_SIZE || hdrLen > blob.length()) {
            throw fail("BTF header", 4, "header length " + hdrLen + " is not within 24.." + blob.length());
        }
        long typeOff = blob.u32(8);
        long typeLen = blob.u32(12);
        long strOff = blob.u32(16);
        long strLen = blob.u32(20);
        if (typeOff % 4 != 0) {
            throw fail("BTF header", 8, "type section offset " + typeOff + " is not 4-byte aligned");
        }
        if (strLen == 0) {
            throw fail("BTF header", 20, "empty string section");
        }
        ByteView typeSection = blob.slice(hdrLen + typeOff, typeLen, "BTF type section");
        ByteView stringSection = blob.slice(hdrLen + strOff, strLen, "BTF string section");
        if (stringSection.u8(0) != 0 || stringSection.u8(strLen - 1) != 0) {
            throw fail("BTF string section", 0, "must start and end with a NUL byte");
        }
        StringTable strings = new StringTable(stringSection, MAX_NAME);
        BtfWords words = BtfWords.index(typeSection, strings);
        long[] sizes = BtfChecks.run(words, strings);
        return new Btf(words, strings, sizes);
    }

    private static BtfFormatException fail(String what, long offset, String message) {
        return new BtfFormatException(what, offset, message);
    }
}
