package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.Random;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cursor reads values straight from the view's array, and through the view near the window's end: at every
 * offset of random windows (inside a larger array, both byte orders), each read gives what reading byte by byte
 * through the view gives, moves as far, and fails with the same message where it fails.
 */
class DwarfCursorTest {
    /** A reference read: the value and where it ends, or the failure's message. */
    private record Read(long value, long end, String failure) {
    }

    @FunctionalInterface
    private interface Reader {
        long read(DwarfCursor c) throws ObjectFormatException;
    }

    /** LEB128 as the specification defines it, byte by byte through the view. */
    private static Read slowUleb(ByteView v, long at) {
        long result = 0;
        for (int i = 0; i < 10; i++) {
            int b;
            try {
                b = v.u8(at + i);
            } catch (ObjectFormatException e) {
                return new Read(0, 0, e.getMessage());
            }
            result |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return new Read(result, at + i + 1, null);
            }
        }
        // Ten bytes read, the failure placed after them.
        return new Read(0, 0, new DwarfFormatException(v.part(), v.absoluteStart() + at + 10,
                "LEB128 value longer than 10 bytes").getMessage());
    }

    private static Read slow(ByteView v, long at, int width) {
        try {
            long value = switch (width) {
                case 1 -> v.u8(at);
                case 2 -> v.u16(at);
                case 4 -> v.u32(at);
                default -> v.u64(at);
            };
            return new Read(value, at + width, null);
        } catch (ObjectFormatException e) {
            return new Read(0, 0, e.getMessage());
        }
    }

    private static Read fast(ByteView v, long at, Reader reader) {
        DwarfCursor c = new DwarfCursor(v, at);
        try {
            long value = reader.read(c);
            return new Read(value, c.position(), null);
        } catch (ObjectFormatException e) {
            return new Read(0, 0, e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsWhatTheViewReads(boolean little) {
        Random random = new Random(little ? 1 : 2);
        ByteOrder order = little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (int round = 0; round < 100; round++) {
            byte[] bytes = new byte[64];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly continuation bits, so LEB128 values run long and across the end.
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 128 + random.nextInt(128));
            }
            int start = random.nextInt(16);
            ByteView v;
            try {
                v = ByteView.of(bytes, order, "whole").slice(start, random.nextInt(40), ".debug_test");
            } catch (ObjectFormatException e) {
                throw new AssertionError(e);
            }
            for (long at = 0; at <= v.length(); at++) {
                assertThat(fast(v, at, DwarfCursor::uleb)).as("uleb at %d", at).isEqualTo(slowUleb(v, at));
                assertThat(fast(v, at, DwarfCursor::u8)).isEqualTo(slow(v, at, 1));
                assertThat(fast(v, at, DwarfCursor::u16)).isEqualTo(slow(v, at, 2));
                assertThat(fast(v, at, DwarfCursor::u32)).isEqualTo(slow(v, at, 4));
                assertThat(fast(v, at, DwarfCursor::u64)).isEqualTo(slow(v, at, 8));
                for (int n = 0; n <= 9; n++) {
                    long size = n;
                    Read skipped = fast(v, at, c -> {
                        c.skip(size);
                        return 0;
                    });
                    Read expected;
                    try {
                        v.check(at, size, "skipped bytes");
                        expected = new Read(0, at + size, null);
                    } catch (ObjectFormatException e) {
                        expected = new Read(0, 0, e.getMessage());
                    }
                    assertThat(skipped).isEqualTo(expected);
                }
            }
        }
    }
}
