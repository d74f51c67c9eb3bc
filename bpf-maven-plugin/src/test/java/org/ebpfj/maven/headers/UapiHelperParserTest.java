package org.ebpfj.maven.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class UapiHelperParserTest {

    private static final Path SYSTEM_UAPI = Path.of("/usr/include/linux/bpf.h");

    static boolean systemHeaderPresent() {
        return Files.isRegularFile(SYSTEM_UAPI);
    }

    private static UapiHelperParser.Result system() throws Exception {
        return UapiHelperParser.parse(Files.readString(SYSTEM_UAPI, StandardCharsets.ISO_8859_1));
    }

    private static String declaration(UapiHelperParser.Result result, String name) {
        return result.find(name).orElseThrow(() -> new AssertionError(name + " not parsed")).declaration();
    }

    @Test
    @EnabledIf("systemHeaderPresent")
    void systemHeaderNumbersMatchTheKernelsEnum() throws Exception {
        UapiHelperParser.Result result = system();
        // enum bpf_func_id: BPF_FUNC_map_lookup_elem = 1, BPF_FUNC_ktime_get_ns = 5, BPF_FUNC_trace_printk = 6,
        // BPF_FUNC_get_socket_cookie = 46, BPF_FUNC_trace_vprintk = 177, BPF_FUNC_loop = 181.
        assertThat(result.find("bpf_map_lookup_elem").orElseThrow().id()).isEqualTo(1);
        assertThat(result.find("bpf_ktime_get_ns").orElseThrow().id()).isEqualTo(5);
        assertThat(result.find("bpf_trace_printk").orElseThrow().id()).isEqualTo(6);
        assertThat(result.find("bpf_get_socket_cookie").orElseThrow().id()).isEqualTo(46);
        assertThat(result.find("bpf_trace_vprintk").orElseThrow().id()).isEqualTo(177);
        assertThat(result.find("bpf_loop").orElseThrow().id()).isEqualTo(181);
        assertThat(result.helpers()).hasSizeGreaterThanOrEqualTo(209);
        assertThat(result.helpers()).extracting(HelperPrototype::name).doesNotHaveDuplicates();
        assertThat(result.undocumented()).isEmpty();
    }

    @Test
    @EnabledIf("systemHeaderPresent")
    void systemHeaderDeclarations() throws Exception {
        UapiHelperParser.Result result = system();
        assertThat(declaration(result, "bpf_map_lookup_elem"))
                .isEqualTo("static void *(* const bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;");
        assertThat(declaration(result, "bpf_map_update_elem")).isEqualTo(
                "static long (* const bpf_map_update_elem)(void *map, const void *key, const void *value,"
                        + " __u64 flags) = (void *) 2;");
        assertThat(declaration(result, "bpf_ktime_get_ns"))
                .isEqualTo("static __u64 (* const bpf_ktime_get_ns)(void) = (void *) 5;");
        assertThat(declaration(result, "bpf_trace_printk")).isEqualTo(
                "static long (* const bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *) 6;");
        assertThat(declaration(result, "bpf_loop")).isEqualTo("static long (* const bpf_loop)(__u32 nr_loops,"
                + " void *callback_fn, void *callback_ctx, __u64 flags) = (void *) 181;");
        // Context types as programs see them.
        assertThat(declaration(result, "bpf_skb_load_bytes")).contains("(const void *skb, __u32 offset");
        assertThat(declaration(result, "bpf_skb_store_bytes")).contains("(struct __sk_buff *skb, __u32 offset");
        assertThat(declaration(result, "bpf_xdp_adjust_head")).contains("(struct xdp_md *xdp_md, int delta)");
        // size_t without libc.
        assertThat(declaration(result, "bpf_strtol")).contains("unsigned long buf_len");
    }

    @Test
    @EnabledIf("systemHeaderPresent")
    void overloadedHelpersAreDeclaredOnceWithVoidPointersWhereTheyDisagree() throws Exception {
        UapiHelperParser.Result result = system();
        assertThat(declaration(result, "bpf_get_socket_cookie"))
                .isEqualTo("static __u64 (* const bpf_get_socket_cookie)(void *ctx) = (void *) 46;");
        assertThat(declaration(result, "bpf_sk_assign"))
                .isEqualTo("static long (* const bpf_sk_assign)(void *ctx, void *sk, __u64 flags) = (void *) 124;");
    }

    /** The 6.2+ form: FN(name, id, ctx...) with explicit numbers, which need not follow the order. */
    @Test
    void explicitNumbers() throws Exception {
        String header = String.join("\n",
                "/*",
                " * Start of BPF helper function descriptions:",
                " *",
                " * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)",
                " * \tDescription",
                " * \t\tLook up.",
                " * \tReturn",
                " * \t\tA pointer.",
                " *",
                " * u64 bpf_new_thing(u32 a, s64 *b)",
                " * \tDescription",
                " * \t\tCalls bpf_map_lookup_elem(map, key) as described above.",
                " */",
                "#define ___BPF_FUNC_MAPPER(FN, ctx...)\t\t\\",
                "\tFN(unspec, 0, ##ctx)\t\t\t\\",
                "\tFN(map_lookup_elem, 1, ##ctx)\t\t\\",
                "\tFN(new_thing, 300, ##ctx)\t\t\\",
                "\tFN(undocumented_one, 2, ##ctx)\t\t\\",
                "\t/* */",
                "",
                "#define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),",
                "#define __BPF_FUNC_MAPPER(FN) ___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)",
                "");

        UapiHelperParser.Result result = UapiHelperParser.parse(header);

        assertThat(result.helpers()).extracting(HelperPrototype::name, HelperPrototype::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bpf_map_lookup_elem", 1),
                        org.assertj.core.groups.Tuple.tuple("bpf_new_thing", 300));
        assertThat(result.find("bpf_new_thing").orElseThrow().declaration())
                .isEqualTo("static __u64 (* const bpf_new_thing)(__u32 a, __s64 *b) = (void *) 300;");
        assertThat(result.undocumented()).containsExactly("bpf_undocumented_one");
    }

    @Test
    void positionalNumbersAsUpTo61() throws Exception {
        String header = String.join("\n",
                " * long bpf_b(void)",
                " * \tDescription",
                " * long bpf_a(int x)",
                " *\tDescription",
                "#define __BPF_FUNC_MAPPER(FN)\t\\",
                "\tFN(unspec),\t\\",
                "\tFN(a),\t\\",
                "\tFN(b),\t\\",
                "\t/* */",
                "FN(not_in_the_list),");
        UapiHelperParser.Result result = UapiHelperParser.parse(header);
        assertThat(result.find("bpf_a").orElseThrow().id()).isEqualTo(1);
        assertThat(result.find("bpf_b").orElseThrow().id()).isEqualTo(2);
        assertThat(result.helpers()).hasSize(2);
    }

    @Test
    void notAUapiHeader() {
        assertThatThrownBy(() -> UapiHelperParser.parse("#include <stdio.h>\n"))
                .isInstanceOf(HeaderFormatException.class).hasMessageContaining("__BPF_FUNC_MAPPER");
        assertThatThrownBy(() -> UapiHelperParser.parse("#define __BPF_FUNC_MAPPER(FN) \\\n FN(unspec), FN(x),\n"))
                .isInstanceOf(HeaderFormatException.class).hasMessageContaining("prototypes");
    }

    @Test
    void typeSpellings() {
        assertThat(UapiHelperParser.normalizeType("u64")).isEqualTo("__u64");
        assertThat(UapiHelperParser.normalizeType("const  char*")).isEqualTo("const char *");
        assertThat(UapiHelperParser.normalizeType("char **")).isEqualTo("char **");
        assertThat(UapiHelperParser.normalizeType("struct bpf_map *")).isEqualTo("void *");
        assertThat(UapiHelperParser.normalizeType("struct sk_buff *")).isEqualTo("struct __sk_buff *");
        assertThat(UapiHelperParser.normalizeType("struct sk_buff_head *")).isEqualTo("struct sk_buff_head *");
        assertThat(UapiHelperParser.normalizeType("__u64")).isEqualTo("__u64");
        assertThat(List.of(UapiHelperParser.normalizeType("s32"), UapiHelperParser.normalizeType("u8")))
                .containsExactly("__s32", "__u8");
    }
}
