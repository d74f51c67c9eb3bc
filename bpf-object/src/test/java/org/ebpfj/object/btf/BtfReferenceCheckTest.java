package org.ebpfj.object.btf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reference to a type past the last one is refused wherever it sits in a record: the check reads each kind's
 * referencing words directly, so each place a kind keeps an id is tried here.
 */
class BtfReferenceCheckTest {
    private static final int MISSING = 99;

    static Stream<Arguments> danglingReferences() {
        return Stream.of(
                dangling("pointer target", b -> b.ptr(MISSING), MISSING),
                dangling("typedef target", b -> b.typedef("t", MISSING), MISSING),
                dangling("const target", b -> b.constOf(MISSING), MISSING),
                dangling("variable type", b -> b.var("v", MISSING), MISSING),
                dangling("array element", b -> b.array(MISSING, 1, 2), MISSING),
                dangling("array index", b -> b.array(1, MISSING, 2), MISSING),
                dangling("struct member", b -> b.member(b.struct("s", 8), "m", MISSING, 0), MISSING),
                dangling("second struct member", b -> {
                    int s = b.struct("s", 8);
                    b.member(s, "a", 1, 0).member(s, "b", MISSING, 32);
                }, MISSING),
                dangling("function return type", b -> b.funcProto(MISSING), MISSING),
                dangling("function parameter", b -> b.param(b.funcProto(1), "p", MISSING), MISSING),
                dangling("id past int range", b -> b.ptr(-1), Integer.MAX_VALUE));
    }

    private static Arguments dangling(String where, Consumer<BtfBuilder> addBadType, int shownId) {
        return Arguments.of(where, addBadType, shownId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("danglingReferences")
    void aReferencePastTheLastTypeIsRefused(String where, Consumer<BtfBuilder> addBadType, int shownId) {
        BtfBuilder b = new BtfBuilder();
        b.intType("int", 4, true); // #1
        addBadType.accept(b);
        int last = b.nextId() - 1;
        assertThatThrownBy(b::read)
                .isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("BTF type #" + last)
                .hasMessageContaining("refers to type #" + shownId + ", but the last type is #" + last);
    }
}
