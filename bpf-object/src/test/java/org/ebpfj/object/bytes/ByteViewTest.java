package org.ebpfj.object.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteViewTest {
    /** The first {@code b} at or after {@code from}, within {@code limit} bytes, one byte at a time. */
    private static int naiveIndexOf(byte[] data, int start, int length, byte b, int from, int limit) {
        if (from < 0 || from >= length) {
            return -1;
        }
        for (int i = from; i < Math.min(length, (long) from + limit); i++) {
            if (data[start + i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void indexOfFindsTheFirstMatchLikeAByteByByteScan() throws Exception {
        Random random = new Random(8);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[1 + random.nextInt(80)];
            // Few distinct values, so matches, runs and borrows across bytes (0x00 next to 0x01, 0x80, 0xff) occur.
            byte[] alphabet = {0, 1, (byte) 0x80, (byte) 0xff, 0x7f, 'a'};
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int start = random.nextInt(data.length);
            int length = random.nextInt(data.length - start + 1);
            ByteView view = ByteView.of(data, ByteOrder.LITTLE_ENDIAN, "test").slice(start, length, "window");
            byte b = alphabet[random.nextInt(alphabet.length)];
            int from = random.nextInt(length + 2) - 1;
            int limit = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(20);
            assertThat(view.indexOf(b, from, limit)).as("round %d", round)
                    .isEqualTo(naiveIndexOf(data, start, length, b, from, limit));
        }
    }

    @Test
    void longestRunAndNameMatchAgreeWithAByteByByteScan() throws Exception {
        Random random = new Random(11);
        byte[][] names = {"a".getBytes(), "ab".getBytes(), "b".getBytes(), "ba".getBytes(), "abc".getBytes()};
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[1 + random.nextInt(60)];
            byte[] alphabet = {0, 'a', 'b', 'c'};
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int start = random.nextInt(data.length);
            int length = random.nextInt(data.length - start + 1);
            ByteView view = ByteView.of(data, ByteOrder.LITTLE_ENDIAN, "test").slice(start, length, "window");
            int longest = 0;
            int run = 0;
            for (int i = 0; i < length; i++) {
                run = data[start + i] == 0 ? 0 : run + 1;
                longest = Math.max(longest, run);
            }
            int expectedRun = run > 0 ? Integer.MAX_VALUE : longest;
            assertThat(view.longestRunWithout((byte) 0)).as("round %d", round).isEqualTo(expectedRun);
            long offset = random.nextInt(length + 2) - 1;
            int expectedIndex = -1;
            for (int k = 0; k < names.length && expectedIndex < 0; k++) {
                if (view.cStringEquals(offset, names[k])) {
                    expectedIndex = k;
                }
            }
            assertThat(view.cStringIndex(offset, names)).as("round %d", round).isEqualTo(expectedIndex);
        }
    }

    /** Whole-word reads in both byte orders equal the bytes put together one by one, and fail the same way. */
    @Test
    void wordReadsAgreeWithBytesPutTogether() throws Exception {
        Random random = new Random(12);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            int start = random.nextInt(data.length);
            int length = random.nextInt(data.length - start + 1);
            ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            ByteView view = ByteView.of(data, order, "test").slice(start, length, "window");
            long offset = random.nextInt(length + 4) - 2;
            for (int size : new int[] {2, 4, 8}) {
                Object expected;
                if (offset >= 0 && offset + size <= length) {
                    long v = 0;
                    for (int i = 0; i < size; i++) {
                        int b = data[start + (int) offset + (order == ByteOrder.LITTLE_ENDIAN ? size - 1 - i : i)];
                        v = v << 8 | (b & 0xff);
                    }
                    expected = size == 4 ? (long) (int) v : v;
                } else {
                    expected = "fails";
                }
                Object actual;
                try {
                    actual = size == 2 ? (long) view.u16(offset) : size == 4 ? (long) view.s32(offset)
                            : view.u64(offset);
                } catch (org.ebpfj.object.ObjectFormatException e) {
                    actual = "fails";
                    String half = offset + 4 <= length && offset >= 0 ? "(4 bytes at " + (offset + 4) + ")"
                            : "(" + (size == 8 ? 4 : size) + " bytes at " + offset + ")";
                    assertThat(e.getMessage()).as("round %d", round).contains(half);
                }
                assertThat(actual).as("round %d size %d offset %d", round, size, offset).isEqualTo(expected);
            }
        }
    }
}
