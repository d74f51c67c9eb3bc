package org.ebpfj.maven.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UapiHelperParserTest {

    private static final Path SYSTEM_UAPI = Path.of("/usr/include/linux/bpf.h");

    static boolean systemHeaderPresent() {
        return Files.isRegularFile(SYSTEM_UAPI);
    }

    private static UapiHelperParser.Result system;

    /** The system header, parsed once for all the cases that read it. */
    private static synchronized UapiHelperParser.Result system() throws Exception {
        if (system == null) {
            system = UapiHelperParser.parse(Files.readString(SYSTEM_UAPI, StandardCharsets.ISO_8859_1));
        }
        return system;
    }

    private static String declaration(UapiHelperParser.Result result, String name) {
        return result.find(name).orElseThrow(() -> new AssertionError(name + " not parsed")).declaration();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @EnabledIf("systemHeaderPresent")
    @CsvSource(textBlock = """
            # enum bpf_func_id: BPF_FUNC_map_lookup_elem = 1, ...
            bpf_map_lookup_elem,   1
            bpf_ktime_get_ns,      5
            bpf_trace_printk,      6
            bpf_get_socket_cookie, 46
            bpf_trace_vprintk,     177
            bpf_loop,              181
            """)
    void systemHeaderNumbersMatchTheKernelsEnum(String helper, int id) throws Exception {
        assertThat(system().find(helper).orElseThrow().id()).isEqualTo(id);
    }

    @Test
    @EnabledIf("systemHeaderPresent")
    void systemHeaderHasEveryHelperOnceAndDocumented() throws Exception {
        UapiHelperParser.Result result = system();
        assertThat(result.helpers()).hasSizeGreaterThanOrEqualTo(209);
        assertThat(result.helpers()).extracting(HelperPrototype::name).doesNotHaveDuplicates();
        assertThat(result.undocumented()).isEmpty();
    }

    /** Whole declarations; overloaded helpers are declared once, with void pointers where the overloads disagree. */
    @ParameterizedTest(name = "{0}")
    @EnabledIf("systemHeaderPresent")
    @CsvSource(delimiter = '|', textBlock = """
            bpf_map_lookup_elem   | static void *(* const bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
            bpf_map_update_elem   | static long (* const bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *) 2;
            bpf_ktime_get_ns      | static __u64 (* const bpf_ktime_get_ns)(void) = (void *) 5;
            bpf_trace_printk      | static long (* const bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *) 6;
            bpf_loop              | static long (* const bpf_loop)(__u32 nr_loops, void *callback_fn, void *callback_ctx, __u64 flags) = (void *) 181;
            bpf_get_socket_cookie | static __u64 (* const bpf_get_socket_cookie)(void *ctx) = (void *) 46;
            bpf_sk_assign         | static long (* const bpf_sk_assign)(void *ctx, void *sk, __u64 flags) = (void *) 124;
            """)
    void systemHeaderDeclarations(String helper, String declaration) throws Exception {
        assertThat(declaration(system(), helper)).isEqualTo(declaration);
    }

    /** Parameters: context types as programs see them, and size_t without libc. */
    @ParameterizedTest(name = "{0}")
    @EnabledIf("systemHeaderPresent")
    @CsvSource(delimiter = '|', textBlock = """
            bpf_skb_load_bytes  | (const void *skb, __u32 offset
            bpf_skb_store_bytes | (struct __sk_buff *skb, __u32 offset
            bpf_xdp_adjust_head | (struct xdp_md *xdp_md, int delta)
            bpf_strtol          | unsigned long buf_len
            """)
    void systemHeaderParameters(String helper, String parameters) throws Exception {
        assertThat(declaration(system(), helper)).contains(parameters);
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            u64                   | __u64
            const  char*          | const char *
            char **               | char **
            struct bpf_map *      | void *
            struct sk_buff *      | struct __sk_buff *
            struct sk_buff_head * | struct sk_buff_head *
            __u64                 | __u64
            s32                   | __s32
            u8                    | __u8
            """)
    void typeSpellings(String spelled, String normalized) {
        assertThat(UapiHelperParser.normalizeType(spelled)).isEqualTo(normalized);
    }
}
