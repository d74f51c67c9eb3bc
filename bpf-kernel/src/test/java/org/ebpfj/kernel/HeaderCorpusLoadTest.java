package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.kernel.program.TestRunResult;
import org.ebpfj.maven.headers.corpus.Clangs;
import org.ebpfj.maven.headers.corpus.HeaderCorpus;
import org.ebpfj.object.spec.ObjectSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin's header corpus (bpf-maven-plugin's src/test/bpf/headers), compiled with the embedded clang
 * against the plugin's own headers and a vmlinux.h of this kernel, loaded into the kernel: every program passes
 * the verifier and every CO-RE relocation resolves against the running kernel. Units that cannot load here are
 * listed with the reason in {@link HeaderCorpus#NOT_LOADED}; two programs also run and their results are checked.
 */
@ExtendWith(RequireBpf.class)
class HeaderCorpusLoadTest {

    private static List<HeaderCorpus.Built> built;

    @BeforeAll
    static void compile() throws IOException {
        Clangs.Found clang = Clangs.embedded();
        if (clang.clang().isEmpty()) {
            skipOrFail(clang.reason());
        }
        HeaderCorpus.Prepared prepared = HeaderCorpus.prepare(Path.of("target/header-corpus"));
        if (prepared.corpus().isEmpty()) {
            skipOrFail(prepared.reason());
        }
        HeaderCorpus corpus = prepared.corpus().orElseThrow();
        built = corpus.build("embedded-own", clang.clang().orElseThrow(), corpus.ownHeaders());
    }

    @Test
    void everyLoadableUnitLoads() {
        List<String> loaded = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (HeaderCorpus.Built b : built) {
            assertThat(b.compiled()).as(b.unit().name() + " compiles: " + b.firstErrors()).isTrue();
            if (!b.unit().loadable()) {
                continue;
            }
            try (BpfObject o = BpfObject.load(b.object())) {
                assertThat(o.programs()).as(b.unit().name()).isNotEmpty().allMatch(BpfProgram::isLoaded);
                loaded.add(b.unit().name());
            } catch (RuntimeException e) {
                failures.add(b.unit().name() + ": " + e.getMessage());
            }
        }
        System.out.println("[header corpus] loaded " + loaded.size() + " units " + loaded + "; not loaded: "
                + HeaderCorpus.NOT_LOADED);
        assertThat(failures).as("units the kernel refused").isEmpty();
        assertThat(loaded).hasSize((int) built.stream().filter(b -> b.unit().loadable()).count());
    }

    @Test
    void kfuncsDeclaredByVmlinuxHFindThisProcess() throws IOException {
        int pid = (int) ProcessHandle.current().pid();
        Path kfuncs = object("kfuncs");
        ObjectSpec spec = BpfObject.readSpec(Files.readAllBytes(kfuncs), kfuncs.toString())
                .withInt("wanted_pid", pid);
        try (BpfObject o = BpfObject.load(kfuncs, spec)) {
            TestRunResult run = o.program("find_task").testRun();
            assertThat(run.returnValueSigned()).as("0: bpf_task_from_pid found this process").isZero();
            assertThat(o.variable("found_pid").getInt()).isEqualTo(pid);
            assertThat(o.variable("found_tgid").getInt()).as("tgid read through bpf_core_cast").isEqualTo(pid);
        }
    }

    @Test
    void endianMacrosSwapAtRunTimeAndFoldConstants() {
        byte[] packet = new byte[64];
        packet[12] = 0x08; // EtherType IPv4, big-endian on the wire
        packet[13] = 0x00;
        try (BpfObject o = BpfObject.load(object("endian"))) {
            o.program("classify").testRun(TestRunOptions.builder().dataIn(packet).build());
            ByteBuffer swapped = ByteBuffer.wrap(o.variable("swapped").getBytes()).order(ByteOrder.nativeOrder());
            assertThat(swapped.getLong(0)).as("bpf_ntohs(h_proto)").isEqualTo(0x0800);
            assertThat(swapped.getLong(7 * 8)).as("case bpf_htons-folded constant").isEqualTo(4);
            ByteBuffer constants = ByteBuffer.wrap(o.variable("constants").getBytes()).order(ByteOrder.nativeOrder());
            assertThat(constants.getLong(0)).as("bpf_htonl(0x01020304) folded").isEqualTo(
                    Integer.toUnsignedLong(Integer.reverseBytes(0x01020304)));
            assertThat(constants.getLong(16)).isEqualTo(Long.reverseBytes(0x0102030405060708L));
        }
    }

    private static Path object(String unit) {
        return built.stream().filter(b -> b.unit().name().equals(unit)).findFirst().orElseThrow().object();
    }

    private static void skipOrFail(String reason) {
        if (HeaderCorpus.strict()) {
            fail("strict mode (bpf.test.strict): " + reason);
        }
        Assumptions.abort(reason);
    }
}
