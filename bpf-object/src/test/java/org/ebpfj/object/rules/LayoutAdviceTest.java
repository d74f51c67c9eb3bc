package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** The alignment trap as findings, on shapes.bpf.o (one map per layout shape, see its source). */
class LayoutAdviceTest {
    private static ObjectSpec shapes() throws Exception {
        return ObjectSpecReader.read(TestObjects.bytes("shapes.bpf.o"), "objects/shapes.bpf.o");
    }

    private static List<Violation> of(String map) throws Exception {
        MapSpec spec = shapes().map(map).orElseThrow();
        return LayoutAdvice.check(spec);
    }

    @Test
    void namesEveryGapByTheMemberBeforeItAndTheTailPadding() throws Exception {
        List<Violation> vs = of("padding");
        assertThat(vs).extracting(Violation::ruleId).containsExactly("layout.padding", "layout.host-alignment");
        assertThat(vs.get(0).message()).isEqualTo("value struct padded (32 bytes) has 13 bytes of implicit padding:"
                + " 3 bytes after 'flag' (offsets 1..3), 6 bytes after 'count' (offsets 10..15), 4 bytes of tail"
                + " padding after 'tail' (offsets 28..31); a host-side type must reproduce these bytes to read the"
                + " members after them (generated records do), or declare the padding as members (e.g. __u8"
                + " __pad[3])");
        assertThat(org.ebpfj.object.report.FindingLine.of(vs.get(0))).startsWith("objects/shapes.bpf.c:104: warning: [layout.padding] map 'padding'");
        assertThat(vs.get(1).message()).startsWith("value struct padded: 'stamp' (__u64) is at offset 16, a 32-bit"
                + " host puts it at 12");
    }

    @Test
    void bitfieldsCountAsCoveringTheirBytes() throws Exception {
        assertThat(of("flag_sets")).singleElement().satisfies(v -> assertThat(v.message())
                .contains("1 byte of implicit padding: 1 byte after 'wide' (offset 3)"));
    }

    @Test
    void nestedStructsWithoutHolesAndStructsOfUnionsAreQuiet() throws Exception {
        assertThat(of("segments")).isEmpty();
        assertThat(of("tallies")).isEmpty();
        assertThat(of("by_point")).isEmpty();
    }

    @Test
    void aKeyWithPaddingSaysLookupsMiss() throws Exception {
        MapSpec padded = shapes().map("padding").orElseThrow();
        MapSpec keyed = padded.toBuilder().keyType(padded.valueType().orElseThrow()).keySize(32).build();
        assertThat(LayoutAdvice.check(keyed).get(0).message()).startsWith("key struct padded (32 bytes)")
                .contains("never matches the same key in the map");
    }
}
