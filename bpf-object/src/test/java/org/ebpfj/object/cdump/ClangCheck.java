package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;

/**
 * Optional extra check for the header tests: when the environment variable {@code EBPFJ_CLANG} names a clang
 * binary, every header a test writes is also compiled ({@code -target bpf}) together with its
 * {@link LayoutAssertions}, so the compiler confirms each size and offset. Without the variable this does
 * nothing; the tests' text assertions stand on their own.
 */
final class ClangCheck {
    private static final String CLANG = System.getenv("EBPFJ_CLANG");

    private ClangCheck() {
    }

    /** Whether {@code EBPFJ_CLANG} names a compiler to check headers with. */
    static boolean available() {
        return CLANG != null && !CLANG.isEmpty();
    }

    static void compiles(Btf btf, CHeaderOptions options) throws IOException, InterruptedException,
            BtfFormatException {
        if (!available()) {
            return;
        }
        Path dir = Files.createTempDirectory("cdump-clang");
        try {
            LayoutAssertions.Generated generated = LayoutAssertions.generate(btf, options, "test.h");
            Files.writeString(dir.resolve("test.h"), generated.header());
            Files.writeString(dir.resolve("check.c"), generated.check());
            Process clang = new ProcessBuilder(CLANG, "-target", "bpf", "-O2", "-g", "-Wall", "-Werror",
                    "-Wno-unused-variable", "-c", "check.c", "-o", "check.o")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(clang.waitFor(300, TimeUnit.SECONDS)).isTrue();
            if (clang.exitValue() != 0) {
                // Small headers are shown whole; for the kernel's, clang's messages name the failing check.
                String context = generated.header().length() < 20_000
                        ? generated.header() + "\n" + generated.check() + "\n" : "";
                throw new AssertionError("clang failed on the header's layout checks:\n" + context + output);
            }
        } finally {
            for (Path p : List.of(dir.resolve("test.h"), dir.resolve("check.c"), dir.resolve("check.o"), dir)) {
                Files.deleteIfExists(p);
            }
        }
    }
}
