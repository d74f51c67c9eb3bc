package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SourceUnitTest {

    @Test
    void objectMirrorsTheSourceTree() {
        SourceUnit unit = SourceUnit.of(Path.of("/p/src/main/bpf"), Path.of("/p/src/main/bpf/net/xdp.bpf.c"),
                Path.of("/p/target/classes/bpf"), Path.of("/p/target/work/deps"));
        assertThat(unit.object()).isEqualTo(Path.of("/p/target/classes/bpf/net/xdp.bpf.o"));
        assertThat(unit.dependencyFile()).isEqualTo(Path.of("/p/target/work/deps/net/xdp.bpf.c.d"));
    }

    @Test
    void nonCSourcesGetDotOAppended() {
        SourceUnit unit = SourceUnit.of(Path.of("/s"), Path.of("/s/prog.bpf"), Path.of("/o"), Path.of("/d"));
        assertThat(unit.object()).isEqualTo(Path.of("/o/prog.bpf.o"));
    }
}
