package org.ebpfj.object.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small ELF64 relocatable objects for tests that need shapes clang does not produce. */
public final class ElfBuilder {
    private final ByteOrder order;
    private int machine = 247;
    private int type = 1;
    private final List<Section> sections = new ArrayList<>();
    private final ByteArrayOutputStream strtab = new ByteArrayOutputStream();
    private final ByteArrayOutputStream symtab = new ByteArrayOutputStream();
    private int symbols;

    private record Section(String name, int type, long flags, byte[] data, int link, int info, long entsize) {
    }

    public ElfBuilder(ByteOrder order) {
        this.order = order;
        strtab.write(0);
        symtab.writeBytes(new byte[24]);
        symbols = 1;
    }

    public ElfBuilder machine(int m) {
        machine = m;
        return this;
    }

    public ElfBuilder type(int t) {
        type = t;
        return this;
    }

    /** Adds a section; its index is 1 + the number of sections added before it. */
    public int section(String name, int shType, long flags, byte[] data, int link, int info, long entsize) {
        sections.add(new Section(name, shType, flags, data, link, info, entsize));
        return sections.size();
    }

    /** Adds a symbol to the symbol table built by {@link #build()}; returns its index. */
    public int symbol(String name, int stType, int binding, int shndx, long value, long size) {
        int nameOff = strtab.size();
        strtab.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        strtab.write(0);
        ByteBuffer s = ByteBuffer.allocate(24).order(order);
        s.putInt(nameOff).put((byte) (binding << 4 | stType)).put((byte) 0).putShort((short) shndx).putLong(value)
                .putLong(size);
        symtab.writeBytes(s.array());
        return symbols++;
    }

    public byte[] rel(long offset, int sym, int relType) {
        return ByteBuffer.allocate(16).order(order).putLong(offset).putLong((long) sym << 32 | relType).array();
    }

    public byte[] rela(long offset, int sym, int relType, long addend) {
        return ByteBuffer.allocate(24).order(order).putLong(offset).putLong((long) sym << 32 | relType)
                .putLong(addend).array();
    }

    /** The index .symtab will have (added after all sections given so far). */
    public int symtabIndex() {
        return sections.size() + 1;
    }

    public byte[] build() {
        return build(true);
    }

    /** @param withSymbols whether to append .symtab and .strtab */
    public byte[] build(boolean withSymbols) {
        List<Section> all = new ArrayList<>(sections);
        if (withSymbols) {
            int strIndex = all.size() + 2;
            all.add(new Section(".symtab", 2, 0, symtab.toByteArray(), strIndex, 1, 24));
            all.add(new Section(".strtab", 3, 0, strtab.toByteArray(), 0, 0, 0));
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        int[] nameOffsets = new int[all.size() + 1];
        for (int i = 0; i < all.size(); i++) {
            nameOffsets[i] = names.size();
            names.writeBytes(all.get(i).name().getBytes(StandardCharsets.UTF_8));
            names.write(0);
        }
        nameOffsets[all.size()] = names.size();
        names.writeBytes(".shstrtab".getBytes(StandardCharsets.UTF_8));
        names.write(0);
        all.add(new Section(".shstrtab", 3, 0, names.toByteArray(), 0, 0, 0));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[64]);
        long[] offsets = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            while (body.size() % 8 != 0) {
                body.write(0);
            }
            offsets[i] = body.size();
            if (all.get(i).type() != 8) {
                body.writeBytes(all.get(i).data());
            }
        }
        while (body.size() % 8 != 0) {
            body.write(0);
        }
        long shoff = body.size();
        int shnum = all.size() + 1;
        ByteBuffer out = ByteBuffer.allocate((int) shoff + 64 * shnum).order(order);
        out.put(body.toByteArray());
        out.position((int) shoff + 64);
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            out.putInt(nameOffsets[i]).putInt(s.type()).putLong(s.flags()).putLong(0).putLong(offsets[i])
                    .putLong(s.data().length).putInt(s.link()).putInt(s.info()).putLong(8).putLong(s.entsize());
        }
        out.position(0);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', 2, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
        out.position(16);
        out.putShort((short) type).putShort((short) machine).putInt(1).putLong(0).putLong(0).putLong(shoff)
                .putInt(0).putShort((short) 64).putShort((short) 0).putShort((short) 0).putShort((short) 64)
                .putShort((short) shnum).putShort((short) (shnum - 1));
        return out.array();
    }
}
