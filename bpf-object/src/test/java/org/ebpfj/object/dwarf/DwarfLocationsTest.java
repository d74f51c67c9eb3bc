package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebpfj.object.testing.TestSources.lineExactly;
import static org.ebpfj.object.testing.TestSources.lineOf;

import java.util.Map;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.testing.ElfBytes;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DwarfLocationsTest {
    private static final String VALID_C = "maps_valid.bpf.c";
    private static final String VALID_FILE = "objects/" + VALID_C;

    private static Map<String, SourceLocation> locations(String object) throws Exception {
        return DwarfLocations.read(ElfFile.read(TestObjects.bytes(object), object));
    }

    private static SourceLocation at(String file, int line) {
        return new SourceLocation(file, line, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestObjects.MAPS_VALID, TestObjects.MAPS_VALID_DWARF4, TestObjects.MAPS_VALID_BPFEB})
    void locatesEveryMapAndFunctionInDwarf4And5AndBothByteOrders(String object) throws Exception {
        Map<String, SourceLocation> loc = locations(object);

        for (String map : new String[] {"flows", "lru_seen", "counters", "scratch", "percpu_hash", "events",
                "perf_out", "work_queue", "routes", "outer_hash", "outer_array", "jump_table", "pinned_numa",
                "bloom"}) {
            assertThat(loc.get(map)).as(map).isEqualTo(at(VALID_FILE, lineOf(VALID_C, "} " + map + " SEC(")));
        }
        assertThat(loc.get("first_inner")).isEqualTo(at(VALID_FILE, lineOf(VALID_C, "first_inner SEC(")));
        assertThat(loc.get("on_execve")).isEqualTo(at(VALID_FILE, lineOf(VALID_C, "int on_execve(")));
        assertThat(loc.get("xdp_count")).isEqualTo(at(VALID_FILE, lineOf(VALID_C, "int xdp_count(")));
        // tail_one is declared before its definition: the definition's DIE carries the definition's line.
        assertThat(loc.get("tail_one")).isEqualTo(at(VALID_FILE, lineExactly(VALID_C, "int tail_one(void *ctx)")));
        assertThat(loc.get("LICENSE")).isEqualTo(at(VALID_FILE, lineOf(VALID_C, "char LICENSE[]")));
        // Declarations in an included header resolve through the line table's directory list ("objects/.").
        assertThat(loc.get("bpf_map_lookup_elem"))
                .isEqualTo(at("objects/mini_bpf.h", lineOf("mini_bpf.h", "(*bpf_map_lookup_elem)")));
    }

    @Test
    void readsEveryCompileUnitOfALinkedObject() throws Exception {
        Map<String, SourceLocation> loc = locations(TestObjects.MULTI_CU);

        assertThat(loc.get("cu_a_map")).isEqualTo(at("objects/multi_cu_a.c", lineOf("multi_cu_a.c", "} cu_a_map")));
        assertThat(loc.get("cu_a_value")).isEqualTo(at("objects/multi_cu_a.c", lineOf("multi_cu_a.c", "int cu_a_value")));
        assertThat(loc.get("cu_a_prog")).isEqualTo(at("objects/multi_cu_a.c", lineOf("multi_cu_a.c", "int cu_a_prog(")));
        assertThat(loc.get("cu_b_map")).isEqualTo(at("objects/multi_cu_b.c", lineOf("multi_cu_b.c", "} cu_b_map")));
        assertThat(loc.get("cu_b_total")).isEqualTo(at("objects/multi_cu_b.c", lineOf("multi_cu_b.c", "__u64 cu_b_total")));
        assertThat(loc.get("cu_b_prog")).isEqualTo(at("objects/multi_cu_b.c", lineOf("multi_cu_b.c", "int cu_b_prog(")));
    }

    @Test
    void externDeclarationsHaveLocationsToo() throws Exception {
        Map<String, SourceLocation> loc = locations(TestObjects.GLOBAL_DATA);
        assertThat(loc.get("CONFIG_HZ"))
                .isEqualTo(at("objects/global_data.bpf.c", lineOf("global_data.bpf.c", "int CONFIG_HZ")));
        assertThat(loc.get("hidden_counter")).isEqualTo(
                at("objects/global_data.bpf.c", lineOf("global_data.bpf.c", "static __u32 hidden_counter")));
    }

    /**
     * clang's debug relocations are against section symbols (value 0) with the addend in place, so stored values are
     * already right. Moving the .debug_line section symbol and compensating in place gives the same object
     * meaning: only a reader that applies relocations (S + A) still finds the second unit's line table.
     */
    @Test
    void appliesDebugSectionRelocations() throws Exception {
        byte[] bytes = TestObjects.bytes(TestObjects.MULTI_CU);
        Map<String, SourceLocation> before = DwarfLocations.read(ElfFile.read(bytes.clone(), "multi"));

        ElfFile elf = ElfFile.read(bytes, "multi");
        ElfSection line = elf.section(".debug_line").orElseThrow();
        ElfSymbol lineSym = elf.symbols().stream()
                .filter(s -> s.type() == ElfSymbol.STT_SECTION && s.sectionIndex() == line.index())
                .findFirst().orElseThrow();
        ElfBytes e = new ElfBytes(bytes);
        long shift = 0x40;
        e.put64(e.sectionOffset(".symtab") + 24 * lineSym.index() + 8, shift);
        int info = e.sectionOffset(".debug_info");
        int patched = 0;
        for (var r : elf.relocationsFor(elf.section(".debug_info").orElseThrow())) {
            if (r.symbolIndex() == lineSym.index()) {
                int at = info + (int) r.offset();
                e.put32(at, e.u32(at) - shift);
                patched++;
            }
        }
        assertThat(patched).isEqualTo(2);

        assertThat(DwarfLocations.read(ElfFile.read(bytes, "multi"))).isEqualTo(before);
    }

    @Test
    void noDebugInfoMeansNoLocations() throws Exception {
        byte[] bytes = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID)).rename(".debug_info", ".debug_xxxx")
                .bytes();
        ElfFile elf = ElfFile.read(bytes, "nodebug");
        assertThat(DwarfLocations.present(elf)).isFalse();
        assertThat(DwarfLocations.read(elf)).isEmpty();
    }

    /** A length or version field of a DWARF section set to what the reader must refuse, naming what it found. */
    @ParameterizedTest(name = "{0}+{1} = {3}")
    @CsvSource(delimiter = ';', textBlock = """
            # section;  offset; bytes; value;      what the error says
            .debug_info; 0;     4;     2147483632; unit of 2147483632 bytes runs past the end of .debug_info
            .debug_info; 4;     2;     9;          unsupported DWARF version 9
            .debug_line; 0;     4;     28672;      line table of 28672 bytes runs past the end of .debug_line
            """)
    void aBadLengthOrVersionIsAFormatError(String section, int offset, int bytes, long value, String message) {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        int at = e.sectionOffset(section) + offset;
        if (bytes == 2) {
            e.put16(at, (int) value);
        } else {
            e.put32(at, value);
        }
        assertThatThrownBy(() -> DwarfLocations.read(ElfFile.read(e.bytes(), "x")))
                .isInstanceOf(DwarfFormatException.class).hasMessageContaining(message);
    }

    /**
     * A section cut inside a DIE whose attributes all have a fixed size: the walk reads past such DIEs at once, yet
     * it fails as reading attribute by attribute does, naming the value that runs off the section.
     */
    @Test
    void aFixedSizeDieCutByTheSectionEndFailsOnItsAttribute() throws Exception {
        byte[] bytes = TestObjects.bytes(TestObjects.MAPS_VALID);
        DebugSections s = DebugSections.of(ElfFile.read(bytes, "x")).orElseThrow();
        AbbreviationTables abbrevs = new AbbreviationTables(s.abbrev, new WorkBudget(Long.MAX_VALUE));
        DwarfUnit unit = DwarfUnit.readHeader(new DwarfCursor(s.info, 0), s, abbrevs);
        FixedLayout layout = unit.table.layout(unit.enc);
        long[] cut = {-1};
        DwarfCursor c = new DwarfCursor(s.info, 0);
        DwarfUnit.readHeader(c, s, abbrevs);
        unit.walkDies(c, (cursor, offset, a, depth) -> {
            int size = layout.dieBytes(a);
            if (cut[0] < 0 && depth > 1 && size >= 2) {
                cut[0] = cursor.position() + 1; // inside its second byte
            }
            cursor.skip(Math.max(size, 0));
            for (int i = 0; size < 0 && i < a.count(); i++) {
                DwarfForm.skip(cursor, a.form(i), unit.enc);
            }
        });
        assertThat(cut[0]).isPositive();

        ElfBytes e = new ElfBytes(bytes);
        assertThat(unit.enc.offsetSize()).isEqualTo(4);
        e.put32(e.sectionOffset(".debug_info"), cut[0] - 4);
        e.set(e.sectionIndex(".debug_info"), ElfBytes.Shdr.SIZE, cut[0]);
        assertThatThrownBy(() -> DwarfLocations.read(ElfFile.read(e.bytes(), "x")))
                .isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("lies outside the " + cut[0] + "-byte")
                .hasMessageNotContaining("skipped bytes");
    }

    @Test
    void anUnknownAttributeFormIsAFormatError() throws Exception {
        // The first abbreviation is the unit's: code 1, DW_TAG_compile_unit, children, then (producer, strx1).
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        int abbrev = e.sectionOffset(".debug_abbrev");
        assertThat(e.bytes()[abbrev + 4]).isEqualTo((byte) DwarfForm.STRX1);
        e.bytes()[abbrev + 4] = 0x7e;
        assertThatThrownBy(() -> DwarfLocations.read(ElfFile.read(e.bytes(), "x")))
                .isInstanceOf(DwarfFormatException.class).hasMessageContaining("unknown attribute form 0x7e");
    }

    @Test
    void joinsAndNormalizesPaths() {
        assertThat(SourcePaths.join("objects/.", "x.h")).isEqualTo("objects/x.h");
        assertThat(SourcePaths.join("/src//bpf/", "./a.bpf.c")).isEqualTo("/src/bpf/a.bpf.c");
        assertThat(SourcePaths.join("/src", "/usr/include/linux/bpf.h")).isEqualTo("/usr/include/linux/bpf.h");
        assertThat(SourcePaths.join(null, "a.c")).isEqualTo("a.c");
        assertThat(SourcePaths.join("../up", "a.c")).isEqualTo("../up/a.c");
        assertThat(SourcePaths.join(".", ".")).isEqualTo(".");
    }
}
