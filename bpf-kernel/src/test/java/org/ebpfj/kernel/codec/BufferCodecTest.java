package org.ebpfj.kernel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The adapter for generated records (no kernel involved): values go to and from native memory at any offset in
 * the host's byte order, every byte is the writer's (nothing left from the previous value of the thread's reused
 * buffer), and threads do not share a buffer.
 */
class BufferCodecTest {
    /** A generated-style record: {@code struct { __u8 a; (3 bytes padding) __u32 b; }}. */
    record Pair(byte a, int b) {
        static final int BYTES = 8;

        static Pair read(ByteBuffer buf, int offset) {
            return new Pair(buf.get(offset), buf.getInt(offset + 4));
        }

        void write(ByteBuffer buf, int offset) {
            buf.put(offset, a);
            buf.put(offset + 1, (byte) 0).put(offset + 2, (byte) 0).put(offset + 3, (byte) 0);
            buf.putInt(offset + 4, b);
        }
    }

    private static final MapCodec<Pair> CODEC = Codecs.buffer(Pair.BYTES, Pair::read, Pair::write, "record Pair");

    @Test
    void encodesAtAnOffsetInHostOrderAndDecodesTheSame() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(24).fill((byte) 0x7f);
            CODEC.encode(new Pair((byte) 1, 0x01020304), seg, 8);
            CODEC.encode(new Pair((byte) -1, -2), seg, 16);

            assertThat(seg.get(ValueLayout.JAVA_BYTE, 8)).isEqualTo((byte) 1);
            assertThat(seg.asSlice(9, 3).toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertThat(seg.get(ValueLayout.JAVA_INT_UNALIGNED, 12)).isEqualTo(0x01020304);
            assertThat(seg.get(ValueLayout.JAVA_BYTE, 7)).isEqualTo((byte) 0x7f); // nothing before the value
            assertThat(CODEC.decode(seg, 8)).isEqualTo(new Pair((byte) 1, 0x01020304));
            assertThat(CODEC.decode(seg, 16)).isEqualTo(new Pair((byte) -1, -2));
        }
    }

    @Test
    void eachThreadHasItsOwnBuffer() throws Exception {
        AtomicReference<Pair> seen = new AtomicReference<>();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment a = arena.allocate(8);
            MemorySegment b = arena.allocate(8);
            CODEC.encode(new Pair((byte) 5, 55), a, 0);
            Thread other = new Thread(() -> {
                CODEC.encode(new Pair((byte) 6, 66), b, 0);
                seen.set(CODEC.decode(a, 0));
            });
            other.start();
            other.join();
            assertThat(seen.get()).isEqualTo(new Pair((byte) 5, 55));
            assertThat(CODEC.decode(b, 0)).isEqualTo(new Pair((byte) 6, 66));
        }
    }
}
