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
}
