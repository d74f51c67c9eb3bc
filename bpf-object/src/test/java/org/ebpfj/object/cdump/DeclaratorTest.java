package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.btf.BtfBuilder;
import org.junit.jupiter.api.Test;

/** How member, parameter and typedef declarations are spelled: C's inside-out declarator syntax. */
class DeclaratorTest {
    private final BtfBuilder b = new BtfBuilder();
    private final int intT = b.intType("int", 4, true);
    private final int charT = b.intType("char", 1, 2 | 1, 8);
    private final int longT = b.intType("long int", 8, true);

    /** A struct "s" of this size with members given as (name, type, byte offset), and its header. */
    private String structWith(int size, Object... members) throws Exception {
        int s = b.struct("s", size);
        for (int i = 0; i < members.length; i += 3) {
            b.member(s, (String) members[i], (Integer) members[i + 1], 8 * (Integer) members[i + 2]);
        }
        return Headers.body(b.read());
    }

    @Test
    void constAndVolatileGoBeforeBaseTypesAndAfterPointers() throws Exception {
        int constChar = b.constOf(charT);
        int ptrToConstChar = b.ptr(constChar);
        int constPtrToChar = b.constOf(b.ptr(charT));
        int volatileInt = b.volatileOf(intT);
        int constVolatileInt = b.constOf(b.volatileOf(intT));
        int ptrToConstPtr = b.ptr(b.constOf(b.ptr(charT)));
        int restrictPtr = b.restrictOf(b.ptr(intT));
        // Members sit where natural alignment puts them, so no padding is written.
        assertThat(structWith(48, "name", ptrToConstChar, 0, "fixed", constPtrToChar, 8, "flag", volatileInt, 16,
                "both", constVolatileInt, 20, "argv", ptrToConstPtr, 24, "r", restrictPtr, 32, "c", constChar, 40))
                .isEqualTo("struct s {\n"
                        + "\tconst char *name;\n"
                        + "\tchar * const fixed;\n"
                        + "\tvolatile int flag;\n"
                        + "\tvolatile const int both;\n"
                        + "\tchar * const *argv;\n"
                        + "\tint * restrict r;\n"
                        + "\tconst char c;\n"
                        + "};\n\n");
    }

    @Test
    void pointersToPointers() throws Exception {
        assertThat(structWith(8, "pp", b.ptr(b.ptr(intT)), 0)).isEqualTo("struct s {\n\tint **pp;\n};\n\n");
    }

    @Test
    void voidPointersAndConstVoid() throws Exception {
        assertThat(structWith(16, "p", b.ptr(0), 0, "cp", b.ptr(b.constOf(0)), 8))
                .isEqualTo("struct s {\n\tvoid *p;\n\tconst void *cp;\n};\n\n");
    }

    @Test
    void functionPointerMembers() throws Exception {
        int proto = b.funcProto(intT);
        b.param(proto, "fd", intT).param(proto, "", b.ptr(charT));
        int noArgs = b.funcProto(0);
        int voidArg = b.funcProto(longT);
        b.param(voidArg, "", 0);
        int varargs = b.funcProto(intT);
        b.param(varargs, "fmt", b.ptr(b.constOf(charT))).param(varargs, "", 0);
        int returnsPointer = b.funcProto(b.ptr(charT));
        assertThat(structWith(40, "open", b.ptr(proto), 0, "run", b.ptr(noArgs), 8, "get", b.ptr(voidArg), 16,
                "printf", b.ptr(varargs), 24, "name", b.ptr(returnsPointer), 32))
                .isEqualTo("struct s {\n"
                        + "\tint (*open)(int fd, char *);\n"
                        + "\tvoid (*run)(void);\n"
                        + "\tlong int (*get)(void);\n"
                        + "\tint (*printf)(const char *fmt, ...);\n"
                        + "\tchar * (*name)(void);\n"
                        + "};\n\n");
    }

    @Test
    void arraysOfFunctionPointersAndFunctionPointerParameters() throws Exception {
        int handler = b.funcProto(0);
        b.param(handler, "", intT);
        int handlers = b.array(b.ptr(handler), intT, 4);
        int callback = b.funcProto(intT);
        b.param(callback, "", b.ptr(0));
        int register = b.funcProto(intT);
        b.param(register, "cb", b.ptr(callback)).param(register, "", b.ptr(callback));
        assertThat(structWith(40, "handlers", handlers, 0, "reg", b.ptr(register), 32))
                .isEqualTo("struct s {\n"
                        + "\tvoid (*handlers[4])(int);\n"
                        + "\tint (*reg)(int (*cb)(void *), int (*)(void *));\n"
                        + "};\n\n");
    }

    @Test
    void arraysOfArraysAndPointersToArrays() throws Exception {
        int grid = b.array(b.array(intT, intT, 3), intT, 2);
        int rowPointer = b.ptr(b.array(intT, intT, 3));
        int pointerArray = b.array(b.ptr(charT), intT, 2);
        assertThat(structWith(48, "grid", grid, 0, "rows", rowPointer, 24, "argv", pointerArray, 32))
                .isEqualTo("struct s {\n"
                        + "\tint grid[2][3];\n"
                        + "\tint (*rows)[3];\n"
                        + "\tchar *argv[2];\n"
                        + "};\n\n");
    }

    @Test
    void flexibleArrayMember() throws Exception {
        int s = b.struct("msg", 8);
        b.member(s, "len", longT, 0).member(s, "data", b.array(charT, intT, 0), 64);
        assertThat(Headers.body(b.read())).isEqualTo("struct msg {\n\tlong int len;\n\tchar data[0];\n};\n\n");
    }

    @Test
    void typedefsOfFunctionsAndFunctionPointers() throws Exception {
        int proto = b.funcProto(intT);
        b.param(proto, "", intT);
        b.typedef("handler_t", b.ptr(proto));
        b.typedef("fn_t", proto);
        b.typedef("buf_t", b.array(charT, intT, 16));
        assertThat(Headers.body(b.read())).isEqualTo("typedef int (*handler_t)(int);\n\n"
                + "typedef int fn_t(int);\n\n"
                + "typedef char buf_t[16];\n\n");
    }

    @Test
    void typeTagsAreAttributesAndDeclTagsAreDropped() throws Exception {
        int userInt = b.typeTag("user", intT);
        int s = b.struct("s", 24);
        b.member(s, "up", b.ptr(userInt), 0).member(s, "x", intT, 64);
        b.declTag("noderef", s, 1);
        int attr = b.typeAttribute("address_space(1)", charT);
        b.member(s, "pc", b.ptr(b.constOf(b.ptr(attr))), 128);
        assertThat(Headers.body(b.read())).isEqualTo("struct s {\n"
                + "\tint __attribute__((btf_type_tag(\"user\"))) *up;\n"
                + "\tint x;\n"
                + "\tchar __attribute__((address_space(1))) * const *pc;\n"
                + "};\n\n");
    }

    @Test
    void floatsAndBool() throws Exception {
        int dbl = b.floatType("double", 8);
        int bool = b.intType("_Bool", 1, 4, 8);
        assertThat(structWith(16, "ratio", dbl, 0, "ok", bool, 8))
                .isEqualTo("struct s {\n\tdouble ratio;\n\t_Bool ok;\n};\n\n");
    }
}
