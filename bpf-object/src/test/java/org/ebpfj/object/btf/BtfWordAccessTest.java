package org.ebpfj.object.btf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The word-level accessors of {@link Btf} (read without decoding a type) against the decoded {@link BtfType}s, on
 * every type of every committed object: the spec reader relies on them giving exactly what decoding gives.
 */
class BtfWordAccessTest {
    static Iterable<String> objects() {
        return TestObjects.ALL;
    }

    private static Btf btfOf(String object) throws Exception {
        ElfFile elf = ElfFile.read(TestObjects.bytes(object), object);
        Optional<ElfSection> section = elf.section(".BTF");
        assertThat(section).as(object + " has .BTF").isPresent();
        return BtfReader.read(section.get().data());
    }

    @ParameterizedTest
    @MethodSource("objects")
    void wordAccessAgreesWithDecodingOnEveryType(String object) throws Exception {
        Btf btf = btfOf(object);
        for (int id = 1; id < btf.typeCount(); id++) {
            accessorsAgree(btf, id);
            findAgrees(btf, id);
        }
    }

    private static void accessorsAgree(Btf btf, int id) {
        BtfType t = btf.type(id);
        assertThat(btf.size(id)).as("size #%d", id).isEqualTo(btf.sizeOf(id).orElse(-1));
        if (t instanceof BtfType.Modifier m) {
            assertThat(btf.target(id)).isEqualTo(m.type());
        } else if (t instanceof BtfType.Ptr p) {
            assertThat(btf.target(id)).isEqualTo(p.type());
        } else if (t instanceof BtfType.Var v) {
            assertThat(btf.target(id)).isEqualTo(v.type());
            assertThat(btf.varLinkage(id)).isEqualTo(v.linkage());
        } else if (t instanceof BtfType.Array a) {
            assertThat(btf.arrayElementType(id)).isEqualTo(a.elementType());
            assertThat(btf.arrayLength(id)).isEqualTo(a.elements());
        } else if (t instanceof BtfType.Composite c) {
            assertThat(btf.memberCount(id)).isEqualTo(c.members().size());
            byte[][] names = c.members().stream().filter(m -> !m.name().isEmpty())
                    .map(m -> m.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            for (int i = 0; i < c.members().size(); i++) {
                BtfType.Member m = c.members().get(i);
                assertThat(btf.memberType(id, i)).isEqualTo(m.type());
                assertThat(btf.memberName(id, i)).isEqualTo(m.name());
                int k = btf.memberNameIndex(id, i, names);
                if (m.name().isEmpty()) {
                    assertThat(k).isEqualTo(-1);
                } else {
                    assertThat(new String(names[k], StandardCharsets.UTF_8)).isEqualTo(m.name());
                }
            }
        }
    }

    /** {@link Btf#find} tests the kind before the name on small BTF: the same answer as name first. */
    private static void findAgrees(Btf btf, int id) {
        String name = btf.name(id);
        for (BtfKind kind : BtfKind.values()) {
            Optional<Integer> expected = btf.idsNamed(name).stream().filter(i -> btf.kind(i) == kind).findFirst();
            assertThat(btf.find(kind, name).map(BtfType::id)).as("%s %s", kind, name).isEqualTo(expected);
        }
    }
}
