package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.btf.BtfType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The running kernel's BTF as a header: structural facts that hold for any kernel with BTF. */
class VmlinuxHeaderTest {
    private static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    private static final Pattern TOP_LEVEL_DEFINITION = Pattern.compile("^(struct|union) (\\w+) \\{",
            Pattern.MULTILINE);

    private static Btf btf;
    private static CHeaderWriter.NamedHeader header;

    @BeforeAll
    static void writeHeader() throws Exception {
        assumeTrue(Files.isReadable(VMLINUX), "no kernel BTF at " + VMLINUX);
        btf = BtfReader.read(Files.readAllBytes(VMLINUX));
        header = CHeaderWriter.render(btf, CHeaderOptions.defaults());
    }

    @Test
    void hasTheIncludeGuardAndPragmaAroundEverything() {
        String text = header.text();
        assertThat(text).startsWith("#ifndef __VMLINUX_H__\n#define __VMLINUX_H__\n\n"
                + "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
                + "#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n"
                + "#endif\n\n");
        assertThat(text).endsWith("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n#pragma clang attribute pop\n#endif\n\n"
                + "#endif /* __VMLINUX_H__ */\n");
    }

    @Test
    void everyNamedStructAndUnionIsDefinedExactlyOnce() {
        Map<String, Integer> definitions = new HashMap<>();
        Matcher m = TOP_LEVEL_DEFINITION.matcher(header.text());
        while (m.find()) {
            definitions.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
        }
        int named = 0;
        List<String> wrong = new ArrayList<>();
        for (BtfType t : btf.types()) {
            if ((t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION) && !t.name().isEmpty()) {
                named++;
                String cName = (t.kind() == BtfKind.STRUCT ? "struct " : "union ") + header.definedName(t.id());
                if (!Integer.valueOf(1).equals(definitions.get(cName))) {
                    wrong.add(cName + " (BTF #" + t.id() + "): " + definitions.get(cName));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(definitions).hasSize(named);
    }

    @Test
    void tracepointContextStructsHaveTheirMembersInOrder() {
        assertThat(header.text()).contains("struct trace_event_raw_sys_enter {\n"
                + "\tstruct trace_entry ent;\n"
                + "\tlong int id;\n"
                + "\tlong unsigned int args[6];\n"
                + "\tchar __data[0];\n"
                + "};\n");
        assertThat(header.text()).contains("struct trace_event_raw_sys_exit {\n"
                + "\tstruct trace_entry ent;\n"
                + "\tlong int id;\n"
                + "\tlong int ret;\n"
                + "\tchar __data[0];\n"
                + "};\n");
        assertThat(header.text()).containsPattern("struct trace_entry \\{\n"
                + "\tshort unsigned int type;\n"
                + "\tunsigned char flags;\n"
                + "\tunsigned char preempt_count;\n"
                + "\tint pid;\n");
    }

    @Test
    void typesAreDefinedBeforeTheyAreEmbedded() {
        String text = header.text();
        int taskStruct = text.indexOf("\nstruct task_struct {\n");
        assertThat(taskStruct).isPositive();
        for (String embedded : List.of("struct sched_entity {", "struct thread_struct {", "struct sched_info {",
                "typedef __kernel_pid_t pid_t;", "struct list_head {")) {
            assertThat(text.indexOf("\n" + embedded)).as(embedded).isPositive().isLessThan(taskStruct);
        }
        assertThat(text.indexOf("\nstruct trace_entry {")).isLessThan(text.indexOf("\nstruct trace_event_raw_sys_enter {"));
    }

    @Test
    void definitionsForEveryTypedefAndNamedEnum() {
        List<String> missing = new ArrayList<>();
        for (BtfType t : btf.types()) {
            boolean namedEnum = (t instanceof BtfType.Enum && !((BtfType.Enum) t).values().isEmpty()
                    || t instanceof BtfType.Enum64) && !t.name().isEmpty();
            boolean typedef = t instanceof BtfType.Typedef && !t.name().equals("__builtin_va_list");
            if ((namedEnum || typedef) && header.definedName(t.id()) == null) {
                missing.add(t.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void outputIsDeterministic() throws Exception {
        assertThat(CHeaderWriter.toString(btf, CHeaderOptions.defaults())).isEqualTo(header.text());
    }

    @Test
    void rootTypesGiveASmallSelfContainedHeader() throws Exception {
        CHeaderWriter.NamedHeader small = CHeaderWriter.render(btf,
                CHeaderOptions.defaults().withRootTypes(List.of("trace_event_raw_sys_enter")));
        assertThat(small.text()).contains("struct trace_event_raw_sys_enter {", "struct trace_entry {")
                .doesNotContain("struct task_struct {");
        assertThat(small.text().length()).isLessThan(header.text().length() / 100);
    }

    /** Runs where {@code EBPFJ_CLANG} names a clang (see {@link ClangCheck}); skipped elsewhere. */
    @Test
    void clangAgreesWithEverySizeAndOffset() throws Exception {
        assumeTrue(ClangCheck.available(), "set EBPFJ_CLANG to a clang binary to compile the kernel's header");
        ClangCheck.compiles(btf, CHeaderOptions.defaults());
    }

    @Test
    void layoutAssertionsCoverTheWholeKernel() throws Exception {
        LayoutAssertions.Generated check = LayoutAssertions.generate(btf, CHeaderOptions.defaults(), "vmlinux.h");
        assertThat(check.header()).isEqualTo(header.text());
        assertThat(check.check()).contains("CHECK_SIZE(struct task_struct, " + btf.sizeOf(
                btf.find(BtfKind.STRUCT, "task_struct").orElseThrow().id()).getAsLong() + ");");
        assertThat(check.assertions()).isGreaterThan(btf.typeCount() / 4);
    }
}
