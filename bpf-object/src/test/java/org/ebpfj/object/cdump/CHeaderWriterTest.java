package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfBuilder;
import org.ebpfj.object.btf.BtfFormatException;
import org.junit.jupiter.api.Test;

/** The header's frame, the order of definitions, forward declarations, names and options. */
class CHeaderWriterTest {
    private final BtfBuilder b = new BtfBuilder();
    private final int intT = b.intType("int", 4, true);

    @Test
    void frameIsBpftoolsIncludeGuardAndPragma() throws Exception {
        b.typedef("s32", intT);
        assertThat(CHeaderWriter.toString(b.read(), CHeaderOptions.defaults())).isEqualTo("#ifndef __VMLINUX_H__\n"
                + "#define __VMLINUX_H__\n\n"
                + "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
                + "#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n"
                + "#endif\n\n"
                + KfuncPrototypes.MACROS
                + "typedef int s32;\n\n"
                + "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
                + "#pragma clang attribute pop\n"
                + "#endif\n\n"
                + "#endif /* __VMLINUX_H__ */\n");
    }

    @Test
    void optionsChangeGuardPragmaAndComment() throws Exception {
        b.typedef("s32", intT);
        CHeaderOptions options = CHeaderOptions.defaults().withIncludeGuard("MY_TYPES_H")
                .withPreserveAccessIndex(false).withHeaderComment("generated from test BTF by bpf-maven-plugin");
        assertThat(CHeaderWriter.toString(b.read(), options))
                .isEqualTo("/* generated from test BTF by bpf-maven-plugin */\n\n"
                        + "#ifndef MY_TYPES_H\n"
                        + "#define MY_TYPES_H\n\n"
                        + KfuncPrototypes.MACROS
                        + "typedef int s32;\n\n"
                        + "#endif /* MY_TYPES_H */\n");
    }

    @Test
    void optionsRejectWhatWouldBreakTheHeader() {
        assertThatThrownBy(() -> CHeaderOptions.defaults().withIncludeGuard("MY-H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a C identifier");
        assertThatThrownBy(() -> CHeaderOptions.defaults().withHeaderComment("a */ b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void embeddedTypesAreDefinedFirst() throws Exception {
        // ids: outer first, inner later; C needs inner complete before outer.
        int outer = b.struct("outer", 8);
        int inner = b.struct("inner", 4);
        b.member(inner, "x", intT, 0);
        b.member(outer, "in", inner, 0).member(outer, "y", intT, 32);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct inner {
                \tint x;
                };

                struct outer {
                \tstruct inner in;
                \tint y;
                };

                """);
    }

    @Test
    void pointerCyclesGetAForwardDeclaration() throws Exception {
        int a = b.struct("a", 8);
        int bs = b.struct("b", 16);
        b.member(a, "peer", b.ptr(bs), 0);
        b.member(bs, "peer", b.ptr(a), 0).member(bs, "self", b.ptr(bs), 64);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct b;

                struct a {
                \tstruct b *peer;
                };

                struct b {
                \tstruct a *peer;
                \tstruct b *self;
                };

                """);
    }

    @Test
    void anonymousStructBehindAPointerStillNeedsItsMembersDefined() throws Exception {
        // struct holder { struct { struct inner y; } *x; }: the anonymous struct is written inline, so struct
        // inner must be complete before struct holder.
        int holder = b.struct("holder", 8);
        int anon = b.struct("", 4);
        int inner = b.struct("inner", 4);
        b.member(inner, "v", intT, 0);
        b.member(anon, "y", inner, 0);
        b.member(holder, "x", b.ptr(anon), 0);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct inner {
                \tint v;
                };

                struct holder {
                \tstruct {
                \t\tstruct inner y;
                \t} *x;
                };

                """);
    }

    @Test
    void typedefOfAPointerToAStructNotYetDefined() throws Exception {
        int node = b.struct("node", 8);
        int nodePtr = b.typedef("node_ptr", b.ptr(node));
        b.member(node, "next", nodePtr, 0);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct node;

                typedef struct node *node_ptr;

                struct node {
                \tnode_ptr next;
                };

                """);
    }

    @Test
    void forwardDeclarationsAndOpaqueTypes() throws Exception {
        int fwd = b.fwd("opaque", false);
        int fwdUnion = b.fwd("u_opaque", true);
        int s = b.struct("user", 16);
        b.member(s, "o", b.ptr(fwd), 0).member(s, "u", b.ptr(fwdUnion), 64);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct opaque;

                union u_opaque;

                struct user {
                \tstruct opaque *o;
                \tunion u_opaque *u;
                };

                """);
    }

    @Test
    void sameNamedTypesAreNumberedInOutputOrder() throws Exception {
        int first = b.struct("dup", 4);
        b.member(first, "a", intT, 0);
        int second = b.struct("dup", 8);
        b.member(second, "a", intT, 0).member(second, "b", intT, 32);
        int user = b.struct("user", 12);
        b.member(user, "one", first, 0).member(user, "two", second, 32);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct dup {
                \tint a;
                };

                struct dup___2 {
                \tint a;
                \tint b;
                };

                struct user {
                \tstruct dup one;
                \tstruct dup___2 two;
                };

                """);
    }

    @Test
    void enumeratorsShareTheirNamespaceWithTypedefs() throws Exception {
        b.enumType("first", 4, false, "MODE=1");
        b.enumType("second", 4, false, "MODE=2", "OTHER=3");
        b.typedef("OTHER", intT);
        assertThat(Headers.body(b.read())).isEqualTo("""
                enum first {
                \tMODE = 1,
                };

                enum second {
                \tMODE___2 = 2,
                \tOTHER = 3,
                };

                typedef int OTHER___2;

                """);
    }

    @Test
    void functionsVariablesAndDeclTagsAreNotWritten() throws Exception {
        int proto = b.funcProto(intT);
        b.param(proto, "x", intT);
        b.func("do_thing", proto);
        b.var("counter", intT);
        b.declTag("kfunc", b.struct("tagged", 0), -1);
        assertThat(Headers.body(b.read())).isEqualTo("struct tagged {};\n\n");
    }

    @Test
    void vaListIsLeftToTheCompiler() throws Exception {
        int tag = b.struct("__va_list_tag", 24);
        b.member(tag, "gp_offset", intT, 0);
        int builtin = b.typedef("__builtin_va_list", b.array(tag, intT, 1));
        b.typedef("va_list", builtin);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct __va_list_tag {
                \tint gp_offset;
                \tlong: 64;
                \tlong: 64;
                };

                typedef __builtin_va_list va_list;

                """);
    }

    @Test
    void rootTypesLimitTheHeaderToWhatTheyNeed() throws Exception {
        int inner = b.struct("inner", 4);
        b.member(inner, "v", intT, 0);
        int other = b.struct("other", 4);
        b.member(other, "v", intT, 0);
        int outer = b.struct("outer", 16);
        b.member(outer, "in", inner, 0).member(outer, "o", b.ptr(other), 64);
        b.typedef("unrelated_t", intT);
        Btf btf = b.read();
        CHeaderOptions options = Headers.PLAIN.withRootTypes(List.of("struct outer"));
        // Pointed-to structs are declared, embedded ones defined.
        assertThat(Headers.body(btf, options)).isEqualTo("""
                struct inner {
                \tint v;
                };

                struct other;

                struct outer {
                \tstruct inner in;
                \tstruct other *o;
                };

                """);
        assertThat(Headers.body(btf, Headers.PLAIN.withRootTypes(List.of("unrelated_t", "other"))))
                .isEqualTo("""
                        struct other {
                        \tint v;
                        };

                        typedef int unrelated_t;

                        """);
    }

    @Test
    void unknownRootTypeIsAnError() throws Exception {
        Btf btf = b.read();
        assertThatThrownBy(() -> CHeaderWriter.toString(btf, Headers.PLAIN.withRootTypes(List.of("struct nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("struct nope");
    }

    @Test
    void structsThatContainEachOtherAreRejected() throws Exception {
        // Not valid C and not valid BTF: the reader already refuses a struct containing itself.
        int a = b.struct("a", 4);
        int c = b.struct("c", 4);
        b.member(a, "c", c, 0);
        b.member(c, "a", a, 0);
        assertThatThrownBy(b::read).isInstanceOf(BtfFormatException.class).hasMessageContaining("contains itself");
    }

    @Test
    void anonymousStructReachingItselfThroughAPointerIsRejected() throws Exception {
        // typedef struct { self_t *next; } self_t; is not C: the typedef is not yet declared inside.
        int anon = b.struct("", 8);
        int self = b.typedef("self_t", anon);
        b.member(anon, "next", b.ptr(self), 0);
        Btf btf = b.read();
        assertThatThrownBy(() -> CHeaderWriter.toString(btf, Headers.PLAIN))
                .isInstanceOf(BtfFormatException.class).hasMessageContaining("type cycle");
    }

    @Test
    void outputIsDeterministic() throws Exception {
        int a = b.struct("a", 8);
        b.member(a, "p", b.ptr(b.struct("z", 0)), 0);
        b.typedef("t", a);
        Btf btf = b.read();
        assertThat(CHeaderWriter.toString(btf, CHeaderOptions.defaults()))
                .isEqualTo(CHeaderWriter.toString(b.read(), CHeaderOptions.defaults()));
    }

    @Test
    void kfuncsTaggedInTheBtfAreDeclaredWeakKsymsByNameLikeBpftool() throws Exception {
        int task = b.struct("task_struct", 4);
        b.member(task, "pid", intT, 0);
        int taskPtr = b.ptr(task);
        int fromPid = b.funcProto(taskPtr);
        b.param(fromPid, "pid", intT);
        int release = b.funcProto(0);
        b.param(release, "p", taskPtr);
        int cpu = b.funcProto(intT);
        int fromPidFn = b.func("bpf_task_from_pid", fromPid);
        int releaseFn = b.func("bpf_task_release", release);
        int cpuFn = b.func("bpf_get_cpu_id", cpu);
        b.func("not_a_kfunc", cpu);
        b.declTag("bpf_kfunc", releaseFn, -1);
        b.declTag("bpf_kfunc", fromPidFn, -1);
        b.declTag("bpf_kfunc", cpuFn, -1);
        b.declTag("bpf_fastcall", cpuFn, -1);
        b.declTag("bpf_kfunc", fromPidFn, 0); // a tag on a parameter does not make a kfunc

        String body = Headers.body(b.read());

        assertThat(body).endsWith("\n/* BPF kfuncs */\n#ifndef BPF_NO_KFUNC_PROTOTYPES\n"
                + "extern __bpf_fastcall int bpf_get_cpu_id(void) __weak __ksym;\n"
                + "extern struct task_struct *bpf_task_from_pid(int pid) __weak __ksym;\n"
                + "extern void bpf_task_release(struct task_struct *p) __weak __ksym;\n"
                + "#endif\n\n");
        assertThat(body).doesNotContain("not_a_kfunc");
        assertThat(Headers.body(b.read(), Headers.PLAIN.withRootTypes(List.of("task_struct"))))
                .doesNotContain("BPF kfuncs");
    }

    @Test
    void btfWithoutKfuncTagsGetsNoKfuncBlock() throws Exception {
        b.typedef("s32", intT);
        assertThat(Headers.body(b.read())).doesNotContain("BPF_NO_KFUNC_PROTOTYPES");
    }
}
