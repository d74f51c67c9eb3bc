package org.ebpfj.object.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Types that contain themselves by value have no layout; the kernel refuses them ("Loop detected"). */
class BtfLoopTest {
    private static final byte[] STRINGS = {0, 'A', 0, 'x', 0, 'i', 'n', 't', 0};

    /** A blob with the given type records and {@link #STRINGS}. */
    private static byte[] blob(ByteBuffer types) {
        int typeLen = types.position();
        ByteBuffer b = ByteBuffer.allocate(24 + typeLen + STRINGS.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24);
        b.putInt(0).putInt(typeLen).putInt(typeLen).putInt(STRINGS.length);
        b.put(types.array(), 0, typeLen).put(STRINGS);
        return b.array();
    }

    private static ByteBuffer types() {
        return ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aStructContainingItselfIsRejected() {
        ByteBuffer t = types();
        t.putInt(1).putInt(4 << 24 | 1).putInt(4); // #1 struct A, size 4, one member
        t.putInt(3).putInt(1).putInt(0);           //    x: struct A at bit 0
        assertThatThrownBy(() -> BtfReader.read(blob(t)))
                .isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("BTF type #1").hasMessageContaining("STRUCT 'A'")
                .hasMessageContaining("contains itself by value");
    }

    @Test
    void aStructContainingAnEmptyArrayOfItselfIsRejected() {
        ByteBuffer t = types();
        t.putInt(5).putInt(1 << 24).putInt(4).putInt(32);   // #1 int, 4 bytes, 32 bits
        t.putInt(1).putInt(4 << 24 | 1).putInt(4);          // #2 struct A, size 4
        t.putInt(3).putInt(3).putInt(0);                    //    x: A[0] at bit 0
        t.putInt(0).putInt(3 << 24).putInt(0);              // #3 array
        t.putInt(2).putInt(1).putInt(0);                    //    of #2, index #1, 0 elements
        assertThatThrownBy(() -> BtfReader.read(blob(t)))
                .isInstanceOf(BtfFormatException.class).hasMessageContaining("contains itself by value");
    }

    @Test
    void aStructPointingToItselfIsFine() throws Exception {
        ByteBuffer t = types();
        t.putInt(1).putInt(4 << 24 | 1).putInt(8);          // #1 struct A, size 8
        t.putInt(3).putInt(2).putInt(0);                    //    x: A * at bit 0
        t.putInt(0).putInt(2 << 24).putInt(1);              // #2 pointer to #1
        Btf btf = BtfReader.read(blob(t));
        assertThat(btf.alignOf(1)).isEqualTo(8);
        assertThat(btf.isPacked((BtfType.Composite) btf.type(1))).isFalse();
    }
}
