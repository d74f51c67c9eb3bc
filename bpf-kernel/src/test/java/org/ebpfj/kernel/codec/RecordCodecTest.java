package org.ebpfj.kernel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record codecs against the BTF of the committed types.bpf.o (no kernel involved). */
class RecordCodecTest {
    /** struct flow_key { __u32 saddr; __u32 daddr; __u16 sport; __u16 dport; __u8 protocol; } (16 bytes) */
    record FlowKey(int saddr, int daddr, short sport, short dport, byte protocol) {
    }

    /** struct event, with holes after flag and delta and at the end (48 bytes). */
    record Event(int pid, byte flag, int uid, short delta, long timestamp, String comm, int tail) {
    }

    record FlowStats(FlowKey key, long packets, long[] bytes) {
    }

    private static ObjectBtf types;

    @BeforeAll
    static void readBtf() throws IOException {
        try (InputStream in = RecordCodecTest.class.getResourceAsStream("/bpf/types.bpf.o")) {
            types = ObjectBtf.of(in.readAllBytes());
        }
    }

    @Test
    void offsetsAndPaddingComeFromBtf() {
        RecordCodec<Event> codec = RecordCodec.of(Event.class, types.struct("event"));
        assertThat(codec.size()).isEqualTo(48);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(48);
            seg.fill((byte) 0x55); // garbage where padding is
            codec.encode(new Event(1234, (byte) 1, 1000, (short) -5, 123456789L, "xdp", 0xfeed), seg, 0);
            assertThat(seg.get(ValueLayout.JAVA_INT, 0)).isEqualTo(1234);
            assertThat(seg.get(ValueLayout.JAVA_BYTE, 4)).isEqualTo((byte) 1);
            assertThat(seg.asSlice(5, 3).toArray(ValueLayout.JAVA_BYTE)).as("padding").containsOnly(0);
            assertThat(seg.get(ValueLayout.JAVA_INT, 8)).isEqualTo(1000);
            assertThat(seg.get(ValueLayout.JAVA_SHORT, 12)).isEqualTo((short) -5);
            assertThat(seg.get(ValueLayout.JAVA_LONG, 16)).isEqualTo(123456789L);
            assertThat(seg.asSlice(24, 16).getString(0)).isEqualTo("xdp");
            assertThat(seg.get(ValueLayout.JAVA_INT, 40)).isEqualTo(0xfeed);
            assertThat(seg.asSlice(44, 4).toArray(ValueLayout.JAVA_BYTE)).as("tail padding").containsOnly(0);
            assertThat(codec.decode(seg, 0)).isEqualTo(
                    new Event(1234, (byte) 1, 1000, (short) -5, 123456789L, "xdp", 0xfeed));
        }
    }

    @Test
    void nestedStructsAndArrays() {
        RecordCodec<FlowStats> codec = RecordCodec.of(FlowStats.class, types.struct("flow_stats"));
        assertThat(codec.size()).isEqualTo(40);
        FlowStats s = new FlowStats(new FlowKey(1, 2, (short) 3, (short) 4, (byte) 5), 6, new long[] {7, 8});
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(40);
            codec.encode(s, seg, 0);
            assertThat(seg.get(ValueLayout.JAVA_LONG, 16)).isEqualTo(6);
            assertThat(seg.get(ValueLayout.JAVA_LONG, 32)).isEqualTo(8);
            FlowStats back = codec.decode(seg, 0);
            assertThat(back.key()).isEqualTo(s.key());
            assertThat(back.bytes()).containsExactly(7, 8);
            assertThatThrownBy(() -> codec.encode(new FlowStats(s.key(), 1, new long[3]), seg, 0))
                    .hasMessageContaining("must have 2 elements");
        }
    }

    /** A record whose component has the wrong width: the error names the member and shows both layouts. */
    record WideFlag(int pid, int flag, int uid, short delta, long timestamp, String comm, int tail) {
    }

    @Test
    void sizeMismatchNamesTheMemberAndShowsBothLayouts() {
        assertThatThrownBy(() -> RecordCodec.of(WideFlag.class, types.struct("event")))
                .isInstanceOfSatisfying(RecordLayoutException.class, e -> {
                    assertThat(e.member()).isEqualTo("flag");
                    assertThat(e.recordType()).isEqualTo(WideFlag.class);
                })
                .hasMessageStartingWith("record WideFlag does not match struct event: component 'flag' is int but "
                        + "member 'flag' is __u8 (1 byte) at offset 4; int needs a 4-byte integer or enum")
                .hasMessageContaining("struct event (48 bytes, from BTF):")
                .hasMessageContaining("offset 4    flag           __u8 (1 byte)   <--")
                .hasMessageContaining("record WideFlag:")
                .hasMessageContaining("flag           int   <--");
    }

    record MissingTail(int pid, byte flag, int uid, short delta, long timestamp, String comm) {
    }

    record Extra(int pid, byte flag, int uid, short delta, long timestamp, String comm, int tail, int more) {
    }

    record Renamed(@BpfField("saddr") int source, @BpfField("daddr") int destination, short sport, short dport,
                   byte protocol) {
    }

    @Test
    void everyMemberMustBeMappedAndEveryComponentMustExist() {
        assertThatThrownBy(() -> RecordCodec.of(MissingTail.class, types.struct("event")))
                .isInstanceOfSatisfying(RecordLayoutException.class, e -> assertThat(e.member()).isEqualTo("tail"))
                .hasMessageContaining("does not map member(s) tail of struct event");
        assertThatThrownBy(() -> RecordCodec.of(Extra.class, types.struct("event")))
                .hasMessageContaining("component 'more' has no member 'more' in struct event");
        RecordCodec<Renamed> renamed = RecordCodec.of(Renamed.class, types.struct("flow_key"));
        assertThat(renamed.size()).isEqualTo(16);
    }

    @Test
    void onlyStructsMapToRecords() {
        var u32 = new org.ebpfj.object.spec.TypeRef(types.btf(),
                types.btf().find(org.ebpfj.object.btf.BtfKind.TYPEDEF, "__u32").orElseThrow().id());
        assertThatThrownBy(() -> RecordCodec.of(FlowKey.class, u32)).isInstanceOf(RecordLayoutException.class)
                .hasMessageContaining("only structs map to records");
    }

    @Test
    void stringsMustLeaveRoomForTheTerminator() {
        RecordCodec<Event> codec = RecordCodec.of(Event.class, types.struct("event"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(48);
            assertThatThrownBy(() -> codec.encode(new Event(1, (byte) 0, 0, (short) 0, 0, "0123456789abcdef", 0),
                    seg, 0)).hasMessageContaining("char[16] holds at most 15");
        }
    }

    @Test
    void forClassChoosesCodecsBySizeAndType() {
        assertThat(Codecs.forClass(Long.class, 4, java.util.Optional.empty(), "v").name()).isEqualTo("uint32");
        assertThat(Codecs.forClass(Long.class, 8, java.util.Optional.empty(), "v").name()).isEqualTo("int64");
        assertThat(Codecs.forClass(byte[].class, 12, java.util.Optional.empty(), "v").size()).isEqualTo(12);
        assertThatThrownBy(() -> Codecs.forClass(FlowKey.class, 16, java.util.Optional.empty(), "map 'm' key"))
                .hasMessageContaining("map 'm' key has no BTF type");
        assertThatThrownBy(() -> Codecs.forClass(Integer.class, 8, java.util.Optional.empty(), "map 'm' value"))
                .hasMessageContaining("map 'm' value is 8 bytes, but Integer (int32) is 4 bytes");
    }
}
