package org.ebpfj.maven.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HelperDefsWriterTest {

    @Test
    void forwardDeclaresEveryStructOnceThenTheHelpers() {
        UapiHelperParser.Result parsed = new UapiHelperParser.Result(List.of(
                new HelperPrototype("bpf_a", 1, "struct task_struct *", List.of(
                        new HelperPrototype.Parameter("struct __sk_buff *", "skb")), false),
                new HelperPrototype("bpf_b", 2, "long", List.of(
                        new HelperPrototype.Parameter("struct __sk_buff *", "skb"),
                        new HelperPrototype.Parameter("union bpf_attr *", "attr")), false)), List.of());

        String header = HelperDefsWriter.write(parsed, "/usr/include/linux/bpf.h");

        assertThat(header).contains("#ifndef EBPFJ_BPF_HELPER_DEFS_H")
                .contains("struct __sk_buff;\nstruct task_struct;\nunion bpf_attr;\n")
                .contains("static struct task_struct *(* const bpf_a)(struct __sk_buff *skb) = (void *) 1;\n")
                .contains("static long (* const bpf_b)(struct __sk_buff *skb, union bpf_attr *attr) = (void *) 2;\n")
                .endsWith("#endif /* EBPFJ_BPF_HELPER_DEFS_H */\n");
    }

    @Test
    void fastcallHelpersCarryTheAttributeWhichDegradesToNothingOnOlderClang() {
        UapiHelperParser.Result parsed = new UapiHelperParser.Result(List.of(
                new HelperPrototype("bpf_get_smp_processor_id", 8, "__u32", List.of(), false)), List.of());

        assertThat(HelperDefsWriter.write(parsed, "x"))
                .contains("#if __has_attribute(bpf_fastcall)\n"
                        + "#define __bpf_fastcall __attribute__((bpf_fastcall))\n#else\n")
                .contains("static __bpf_fastcall __u32 (* const bpf_get_smp_processor_id)(void) = (void *) 8;");
    }
}
