package org.ebpfj.object.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ebpfj.object.ObjectFormatException;
import org.junit.jupiter.api.Test;

class StringTableTest {
    private static StringTable table(String content, int max) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return new StringTable(ByteView.of(b, ByteOrder.LITTLE_ENDIAN, ".strtab"), max);
    }

    @Test
    void looksUpStringsAndTheirSuffixes() throws Exception {
        StringTable t = table("\0.rel.maps\0xdp\0", 64);
        assertThat(t.get(0)).isEmpty();
        assertThat(t.get(1)).isEqualTo(".rel.maps");
        assertThat(t.get(5)).isEqualTo(".maps");
        assertThat(t.get(11)).isEqualTo("xdp");
        assertThat(t.get(14)).isEmpty();
    }

    @Test
    void refusesOffsetsOutsideUnterminatedAndOverlongStrings() {
        assertThatThrownBy(() -> table("\0abc\0", 64).get(5)).isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("string offset 5 is outside the 5-byte string table");
        assertThatThrownBy(() -> table("\0abc", 64).get(1)).isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("not NUL-terminated");
        assertThatThrownBy(() -> table("\0abcdefgh\0", 4).get(1)).isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("string of 8 bytes is longer than 4");
        assertThatThrownBy(() -> table("\0", 4).get(-1)).isInstanceOf(ObjectFormatException.class);
    }

    /** {@code fits} answers from one pass when every string is short; its answer must be {@code get}'s. */
    @Test
    void fitsExactlyWhenGetSucceeds() {
        java.util.Random random = new java.util.Random(13);
        for (int round = 0; round < 2000; round++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                content.append(random.nextInt(4) == 0 ? '\0' : 'x');
            }
            StringTable t = table(content.toString(), 1 + random.nextInt(6));
            for (int offset = -1; offset <= content.length(); offset++) {
                boolean gets;
                try {
                    t.get(offset);
                    gets = true;
                } catch (ObjectFormatException e) {
                    gets = false;
                }
                assertThat(t.fits(offset)).as("round %d offset %d in %s", round, offset, content).isEqualTo(gets);
            }
        }
    }
}
