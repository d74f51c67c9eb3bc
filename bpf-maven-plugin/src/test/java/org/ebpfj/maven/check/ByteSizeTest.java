package org.ebpfj.maven.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void plainBytesAndBinaryUnits() {
        assertThat(ByteSize.parse("268435456")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("256M")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse(" 256 MiB ")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("4KB")).isEqualTo(4096);
        assertThat(ByteSize.parse("2T")).isEqualTo(2L << 40);
        assertThat(ByteSize.parse("512B")).isEqualTo(512);
    }

    @Test
    void rejectsWhatIsNoPositiveSize() {
        for (String bad : new String[] {"", "0", "-1", "1.5G", "12X", "M", "9999999999999999999", "8388608T"}) {
            assertThatThrownBy(() -> ByteSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
