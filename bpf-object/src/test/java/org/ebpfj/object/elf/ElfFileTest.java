package org.ebpfj.object.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.ebpfj.object.testing.ElfBuilder;
import org.ebpfj.object.testing.ElfBytes;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElfFileTest {

    @ParameterizedTest
    @ValueSource(strings = {TestObjects.MAPS_VALID, TestObjects.MAPS_VALID_BPFEB})
    void readsSectionsSymbolsAndRelocationsOfBothByteOrders(String object) throws Exception {
        ElfFile elf = ElfFile.read(TestObjects.bytes(object), object);

        assertThat(elf.order()).isEqualTo(object.contains("bpfeb") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.machine()).isEqualTo(247);
        assertThat(elf.sections()).hasSize(31);
        assertThat(elf.sections().get(0).type()).isEqualTo(ElfSection.SHT_NULL);

        ElfSection maps = elf.section(".maps").orElseThrow();
        assertThat(maps.index()).isEqualTo(7);
        assertThat(maps.type()).isEqualTo(ElfSection.SHT_PROGBITS);
        assertThat(maps.flags()).isEqualTo(ElfSection.SHF_WRITE | ElfSection.SHF_ALLOC);
        assertThat(maps.size()).isEqualTo(0x200);
        assertThat(maps.data().length()).isEqualTo(0x200);
        assertThat(maps.isExecutable()).isFalse();

        ElfSection xdp = elf.section("xdp").orElseThrow();
        assertThat(xdp.isExecutable()).isTrue();
        assertThat(xdp.size()).isEqualTo(0xc8);
        assertThat(elf.section("tracepoint/syscalls/sys_enter_execve")).isPresent();
        assertThat(elf.section(".symtab").orElseThrow().type()).isEqualTo(ElfSection.SHT_SYMTAB);
        assertThat(elf.section("no such section")).isEmpty();
        assertThat(elf.section(31)).isEmpty();
        assertThat(elf.section(3)).contains(xdp);

        assertThat(elf.hasSymbolTable()).isTrue();
        assertThat(elf.symbols()).hasSize(0x300 / 24);
        ElfSymbol flows = symbol(elf, "flows");
        assertThat(flows.type()).isEqualTo(ElfSymbol.STT_OBJECT);
        assertThat(flows.binding()).isEqualTo(ElfSymbol.STB_GLOBAL);
        assertThat(flows.sectionIndex()).isEqualTo(maps.index());
        assertThat(flows.value()).isEqualTo(0xa0);
        assertThat(flows.size()).isEqualTo(32);
        ElfSymbol onExecve = symbol(elf, "on_execve");
        assertThat(onExecve.isFunction()).isTrue();
        assertThat(onExecve.size()).isEqualTo(0x98);

        List<ElfRelocation> mapRelocs = elf.relocationsFor(maps);
        assertThat(mapRelocs).hasSize(2);
        assertThat(mapRelocs.get(0).offset()).isEqualTo(0x40);
        assertThat(mapRelocs.get(0).type()).isEqualTo(ElfRelocation.R_BPF_64_ABS64);
        assertThat(elf.symbols().get(mapRelocs.get(0).symbolIndex()).name()).isEqualTo("first_inner");
        assertThat(mapRelocs.get(0).explicitAddend()).isFalse();
        assertThat(elf.symbols().get(mapRelocs.get(1).symbolIndex()).name()).isEqualTo("tail_one");

        List<ElfRelocation> xdpRelocs = elf.relocationsFor(xdp);
        assertThat(xdpRelocs).extracting(ElfRelocation::type).containsOnly(ElfRelocation.R_BPF_64_64);
        assertThat(xdpRelocs).extracting(r -> elf.symbols().get(r.symbolIndex()).name())
                .containsExactly("flows", "work_queue");
    }

    private static ElfSymbol symbol(ElfFile elf, String name) {
        return elf.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsRelaWithExplicitAddends() throws Exception {
        ElfBuilder b = new ElfBuilder(ByteOrder.LITTLE_ENDIAN);
        int data = b.section(".data", ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE,
                new byte[16], 0, 0, 0);
        int sym = b.symbol("counter", ElfSymbol.STT_OBJECT, ElfSymbol.STB_GLOBAL, data, 8, 8);
        byte[] entries = b.rela(4, sym, ElfRelocation.R_BPF_64_ABS32, -3);
        b.section(".rela.data", ElfSection.SHT_RELA, 0, entries, b.symtabIndex() + 1, data, 24);
        ElfFile elf = ElfFile.read(b.build(), "rela.o");

        List<ElfRelocation> relocs = elf.relocationsFor(elf.section(".data").orElseThrow());
        assertThat(relocs).containsExactly(new ElfRelocation(4, sym, ElfRelocation.R_BPF_64_ABS32, -3, true));
    }

    @Test
    void acceptsEmNoneLikeLibbpfForObjectsFromOldLlvm() throws Exception {
        byte[] o = new ElfBuilder(ByteOrder.LITTLE_ENDIAN).machine(0).build();
        assertThat(ElfFile.read(o, "old.o").machine()).isZero();
    }

    @Test
    void anObjectWithoutSymbolTableHasNoSymbols() throws Exception {
        ElfFile elf = ElfFile.read(new ElfBuilder(ByteOrder.LITTLE_ENDIAN).build(false), "stripped.o");
        assertThat(elf.hasSymbolTable()).isFalse();
        assertThat(elf.symbols()).isEmpty();
    }

    @Test
    void relocationToAMissingSymbolIsAFormatError() throws Exception {
        ElfBuilder b = new ElfBuilder(ByteOrder.LITTLE_ENDIAN);
        int text = b.section("xdp", ElfSection.SHT_PROGBITS, ElfSection.SHF_EXECINSTR, new byte[16], 0, 0, 0);
        b.section(".relxdp", ElfSection.SHT_REL, 0, b.rel(0, 99, 1), b.symtabIndex() + 1, text, 16);
        ElfFile elf = ElfFile.read(b.build(), "bad-rel.o");
        assertThatThrownBy(() -> elf.relocationsFor(elf.section("xdp").orElseThrow()))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("refers to symbol #99, but the symbol table has 1");
    }

    @Test
    void relocationSectionWithWrongEntrySizeIsAFormatError() throws Exception {
        ElfBuilder b = new ElfBuilder(ByteOrder.LITTLE_ENDIAN);
        int text = b.section("xdp", ElfSection.SHT_PROGBITS, ElfSection.SHF_EXECINSTR, new byte[16], 0, 0, 0);
        b.section(".relxdp", ElfSection.SHT_REL, 0, new byte[24], b.symtabIndex() + 1, text, 24);
        ElfFile elf = ElfFile.read(b.build(), "bad-rel.o");
        assertThatThrownBy(() -> elf.relocationsFor(elf.section("xdp").orElseThrow()))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("entry size 24, expected 16");
    }

    // --- malformed input: each case is a typed error that says what is wrong ---

    private static void assertRejected(byte[] bytes, String... messageParts) {
        assertThatThrownBy(() -> ElfFile.read(bytes, "broken.o"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContainingAll(messageParts)
                .hasMessageStartingWith("broken.o");
    }

    @Test
    void rejectsNonElf() {
        assertRejected("#!/bin/sh\necho hi\n".getBytes(), "not an ELF file");
        assertRejected(new byte[0], "not an ELF file", "only 0 bytes");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] o = Arrays.copyOf(TestObjects.bytes(TestObjects.MAPS_VALID), 40);
        assertRejected(o, "truncated", "40 bytes", "64");
    }

    @Test
    void rejectsTruncatedFileWhoseSectionTableIsGone() {
        byte[] full = TestObjects.bytes(TestObjects.MAPS_VALID);
        byte[] o = Arrays.copyOf(full, full.length / 2);
        assertRejected(o, "section header table", "lies outside the " + o.length + "-byte file");
    }

    /** One field of the ELF header set to a value the reader must refuse, naming what it found. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', textBlock = """
            # field;    value;      what the error says (parts separated by |)
            EI_CLASS;    1;          32-bit ELF object | clang -target bpf
            EI_DATA;     3;          unknown byte order 3
            e_machine;   62;         x86-64 object, not BPF: compile with clang -target bpf
            e_machine;   183;        AArch64 object, not BPF
            e_machine;   4242;       e_machine 4242 object, not BPF
            e_type;      2;          an executable (ET_EXEC) | not a relocatable object (ET_REL)
            e_type;      3;          a shared object (ET_DYN)
            e_shoff;     2147483647; section header table (31 headers at offset 2147483647) lies outside the
            e_shoff;     -8;         at offset 18446744073709551608
            e_shoff;     0;          no section header table
            e_shentsize; 40;         section header size is 40, ELF64 uses 64
            e_shnum;     0;          extended section numbering | e_shnum 0
            e_shstrndx;  200;        section name table index 200 is not below the section count 31
            e_shstrndx;  7;          section name table (section #7) has type 1, not SHT_STRTAB
            e_shstrndx;  65535;      extended section numbering | SHN_XINDEX
            """)
    void rejectsABadHeaderField(String field, long value, String message) {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        switch (field) {
            case "EI_CLASS" -> e.bytes()[4] = (byte) value;
            case "EI_DATA" -> e.bytes()[5] = (byte) value;
            case "e_type" -> e.put16(16, (int) value);
            case "e_machine" -> e.put16(18, (int) value);
            case "e_shoff" -> e.put64(40, value);
            case "e_shentsize" -> e.put16(58, (int) value);
            case "e_shnum" -> e.put16(60, (int) value);
            case "e_shstrndx" -> e.put16(62, (int) value);
            default -> throw new IllegalArgumentException(field);
        }
        assertRejected(e.bytes(), message.split(" \\| "));
    }

    @Test
    void rejectsSectionDataOutsideTheFile() {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        int maps = e.sectionIndex(".maps");
        e.set(maps, ElfBytes.Shdr.OFFSET, 0x80000000L);
        assertRejected(e.bytes(), "section #7 (offset 2147483648, size 512) lies outside the");
        ElfBytes big = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        big.set(maps, ElfBytes.Shdr.SIZE, -1);
        assertRejected(big.bytes(), "section #7", "size 18446744073709551615");
    }

    @Test
    void rejectsSectionNamesOutsideTheNameTable() {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        e.set(3, ElfBytes.Shdr.NAME, 0x100000);
        assertRejected(e.bytes(), "section #3 name offset 1048576 lies outside the");
    }

    @Test
    void rejectsBrokenSymbolTables() {
        ElfBytes entsize = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        entsize.set(entsize.sectionIndex(".symtab"), ElfBytes.Shdr.ENTSIZE, 16);
        assertRejected(entsize.bytes(), "symbol table entry size is 16, ELF64 uses 24");

        ElfBytes link = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        link.set(link.sectionIndex(".symtab"), ElfBytes.Shdr.LINK, 7);
        assertRejected(link.bytes(), "names section #7 as its string table, which is not a string table");

        ElfBytes two = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        two.set(two.sectionIndex("license"), ElfBytes.Shdr.TYPE, ElfSection.SHT_SYMTAB);
        assertRejected(two.bytes(), "more than one symbol table");

        ElfBytes name = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        int symtab = name.sectionOffset(".symtab");
        name.put32(symtab + 24 * 5, 0x7fffffff);
        assertRejected(name.bytes(), "symbol #5 name offset 2147483647 lies outside the");

        ElfBytes xindex = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        xindex.put16(xindex.sectionOffset(".symtab") + 24 * 5 + 6, 0xffff);
        assertRejected(xindex.bytes(), "symbol #5 uses extended section numbering");
    }
}
