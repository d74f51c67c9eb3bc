package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapCreateAttrParseTest {

    @Test
    void readsNamesNumbersAndOptions() throws Exception {
        MapCreateAttr a = MapCreateAttr.parse("hash 4 0x10 1024 NO_PREALLOC|BPF_F_NUMA_NODE 0 numa=-1 name=flows "
                + "inner=ARRAY:4:4:1:0");

        assertThat(a.type()).hasValue(MapType.HASH);
        assertThat(a.valueSize()).isEqualTo(16);
        assertThat(a.flags()).isEqualTo(MapFlag.maskOf(MapFlag.NO_PREALLOC, MapFlag.NUMA_NODE));
        assertThat(a.numaNode()).isEqualTo(0xFFFFFFFFL);
        assertThat(a.name()).isEqualTo("flows");
        assertThat(a.innerMap().orElseThrow().type()).hasValue(MapType.ARRAY);
        assertThat(MapCreateAttr.parse("27 0 0 4096 0").type()).hasValue(MapType.RINGBUF);
        assertThat(MapCreateAttr.parse("40 4 4 1 0x80000000").typeId()).isEqualTo(40);
    }

    @Test
    void btfAndStructOpsOptionsDescribeTheReferencedTypes() throws Exception {
        MapCreateAttr a = MapCreateAttr.parse("LRU_HASH 4 16 8 0 btf=spin_lock,timer");
        assertThat(a.btfKeyTypeId()).isNotZero();
        assertThat(a.btf().orElseThrow().specialFields()).containsExactlyInAnyOrder(SpecialField.SPIN_LOCK,
                SpecialField.TIMER);
        assertThat(MapCreateAttr.parse("QUEUE 0 8 16 0 btf").btfKeyTypeId()).isZero();

        MapCreateAttr s = MapCreateAttr.parse("STRUCT_OPS 4 256 1 0 struct_ops=bpf_struct_ops_x:-");
        assertThat(s.structOpsValue().orElseThrow().registered()).isFalse();
        assertThat(s.btfVmlinuxValueTypeId()).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HASH 4 8", "NOPE 4 8 16 0", "HASH four 8 16 0", "HASH 4 8 16 NOT_A_FLAG",
        "HASH 4294967296 8 16 0", "HASH 4 8 16 0 1 2", "HASH 4 8 16 0 inner=ARRAY:4:4", "HASH 4 8 16 0 btf=lock",
        "STRUCT_OPS 4 256 1 0 struct_ops=x"})
    void rejectsMalformedLinesWithACheckedException(String line) {
        assertThatThrownBy(() -> MapCreateAttr.parse(line)).isInstanceOf(ParseException.class);
    }

    @Test
    void printsBackInTheSameFormat() throws Exception {
        String line = "ARRAY_OF_MAPS 4 4 8 NUMA_NODE numa=0 name=outer inner=ARRAY:4:4:1:0";
        assertThat(MapCreateAttr.parse(line).toString()).isEqualTo(line);
        assertThat(MapCreateAttr.parse(MapCreateAttr.parse(line).toString())).isEqualTo(MapCreateAttr.parse(line));
    }

    @Test
    void flagBitsWithoutANameRoundTrip() throws Exception {
        MapCreateAttr a = MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(4).maxEntries(1)
                .flags(MapFlag.NO_PREALLOC.mask() | 0xFFF80000L).build();
        assertThat(a.toString()).isEqualTo("HASH 4 4 1 NO_PREALLOC|0xfff80000");
        assertThat(MapCreateAttr.parse(a.toString())).isEqualTo(a);
        assertThatThrownBy(() -> MapCreateAttr.parse("HASH 4 4 1 NO_PREALLOC|0x100000000"))
                .isInstanceOf(ParseException.class);
        MapCreateAttr unknownType = MapCreateAttr.builder(4_000_000_000L).keySize(4).valueSize(4).maxEntries(1).build();
        assertThat(unknownType.toString()).isEqualTo("4000000000 4 4 1 0");
        assertThat(MapCreateAttr.parse(unknownType.toString())).isEqualTo(unknownType);
    }
}
