package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.ebpfj.maven.toolchain.Clang;
import org.junit.jupiter.api.Test;

/** The outputs below are Debian clang 14.0.6's, captured on the sources named in each test. */
class ClangAdviceTest {

    private static final Clang CLANG_14 = new Clang(Path.of("/usr/bin/clang-14"), "Debian clang version 14.0.6",
            "found on PATH as 'clang-14'; <toolchain>path</toolchain>", false);
    private static final Clang EMBEDDED = new Clang(Path.of("/c/clang"), "clang version 20.1.7", "embedded", true);

    @Test
    void theXaddCrashNamesTheCpuVersion() {
        // if (__sync_fetch_and_add(&n, 1) != 0) built without -mcpu
        String output = "fatal error: error in backend: line 116: Invalid usage of the XADD return value\n"
                + "PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and include ...\n";
        assertThat(ClangAdvice.advise(output, CLANG_14, Optional.empty())).hasValue(
                "the source uses the old value of an atomic add (e.g. if (__sync_fetch_and_add(..) != 0)), which"
                        + " needs BPF cpu v3 or later; this build passes no -mcpu (clang 14 then defaults to v1):"
                        + " set <cpu>v3</cpu> (the default) and remove any -mcpu from <extraFlags>");
        assertThat(ClangAdvice.advise(output, CLANG_14, Optional.of("v1")).orElseThrow())
                .contains("this build passes -mcpu=v1:");
    }

    @Test
    void aClangTooOldForAFeatureNamesTheMinimumAndTheEmbeddedClang() {
        String output = "a.c:2:28: error: invalid register/token name\n"
                + "int f(void) { asm volatile(\"may_goto +0\"); return 0; }\n"
                + "<inline asm>:1:2: note: instantiated into assembly here\n        may_goto +0\n";
        assertThat(ClangAdvice.advise(output, CLANG_14, Optional.of("v3"))).hasValue(
                "the may_goto instruction (bpf_for, can_loop) needs clang 19 or newer; this build uses clang 14"
                        + " (found on PATH as 'clang-14'; <toolchain>path</toolchain>); use the embedded clang 20:"
                        + " remove <clang> (-Dbpf.clang) and <toolchain>path</toolchain> (-Dbpf.toolchain=path), or"
                        + " install a newer clang");
        assertThat(ClangAdvice.advise("error: unknown target CPU 'v4'\nnote: valid target CPU values are: generic,"
                + " v1, v2, v3, probe\n", CLANG_14, Optional.of("v4")).orElseThrow())
                .startsWith("BPF cpu v4 (-mcpu=v4) needs clang 18 or newer; this build uses clang 14");
        assertThat(ClangAdvice.advise("fatal error: error in backend: Cannot select: 0x3fd85560: i64 ="
                + " addrspacecast[1 -> 0] 0x3fd854f8\n", CLANG_14, Optional.of("v3")).orElseThrow())
                .startsWith("address-space casts (__arena pointers, BPF addr_space_cast) needs clang 19");
    }

    @Test
    void otherBackendCrashesOfAPathClangPointToTheEmbeddedOne() {
        String output = "fatal error: error in backend: Cannot select: 0xe689c60: i64,ch = AtomicLoad<(load acquire"
                + " (s64) from %ir.0)>\n";
        assertThat(ClangAdvice.advise(output, CLANG_14, Optional.of("v3")).orElseThrow())
                .startsWith("clang 14 crashed in its backend on this source (see its message above); use the"
                        + " embedded clang 20");
        assertThat(ClangAdvice.advise(output, EMBEDDED, Optional.of("v3"))).isEmpty();
    }

    @Test
    void ordinaryErrorsGetNoAdvice() {
        assertThat(ClangAdvice.advise("/p/a.bpf.c:3:1: error: expected ';'\n", CLANG_14, Optional.of("v3")))
                .isEmpty();
        // A newer clang failing the same way is not "too old".
        Clang twenty = new Clang(Path.of("/usr/bin/clang-20"), "clang version 20.1.0", "path", false);
        assertThat(ClangAdvice.advise("error: unknown target CPU 'v4'\n", twenty, Optional.of("v4"))).isEmpty();
    }
}
