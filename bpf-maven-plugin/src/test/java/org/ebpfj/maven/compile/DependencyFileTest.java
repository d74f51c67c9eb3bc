package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DependencyFileTest {

    @Test
    void clangFormatWithContinuations() {
        String content = "/p/target/classes/bpf/a.bpf.o: /p/src/main/bpf/a.bpf.c \\\n"
                + "  /usr/include/linux/bpf.h /usr/include/linux/types.h \\\n"
                + "  /p/target/bpf-include/bpf/bpf_helpers.h \\\n"
                + "  /p/src/main/bpf/common.h\n";
        assertThat(DependencyFile.parsePrerequisites(content)).containsExactly(
                Path.of("/p/src/main/bpf/a.bpf.c"), Path.of("/usr/include/linux/bpf.h"),
                Path.of("/usr/include/linux/types.h"), Path.of("/p/target/bpf-include/bpf/bpf_helpers.h"),
                Path.of("/p/src/main/bpf/common.h"));
    }

    @Test
    void escapedSpacesHashesAndDollars() {
        String content = "out.o: my\\ dir/a.bpf.c we\\#ird.h cost$$.h\n";
        assertThat(DependencyFile.parsePrerequisites(content))
                .containsExactly(Path.of("my dir/a.bpf.c"), Path.of("we#ird.h"), Path.of("cost$.h"));
    }

    @Test
    void targetSeparatedFromColon() {
        assertThat(DependencyFile.parsePrerequisites("a.o : a.c\n")).containsExactly(Path.of("a.c"));
    }

    @Test
    void phonyRulesAndDuplicatesAreMerged() {
        String content = "a.o: a.c common.h\n\ncommon.h:\n";
        assertThat(DependencyFile.parsePrerequisites(content)).containsExactly(Path.of("a.c"), Path.of("common.h"));
    }

    @Test
    void windowsLineEndings() {
        assertThat(DependencyFile.parsePrerequisites("a.o: a.c \\\r\n b.h\r\n"))
                .containsExactly(Path.of("a.c"), Path.of("b.h"));
    }

    @Test
    void garbageYieldsNothing() {
        assertThat(DependencyFile.parsePrerequisites("not a dependency file")).isEmpty();
        assertThat(DependencyFile.parsePrerequisites("")).isEmpty();
    }
}
