package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntPatternTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(textBlock = """
            # ** matches any depth, including none
            **/*.bpf.c,          a.bpf.c,              true
            **/*.bpf.c,          net/xdp.bpf.c,        true
            **/*.bpf.c,          a/b/c/d.bpf.c,        true
            **/*.bpf.c,          a.c,                  false
            **/*.bpf.c,          a.bpf.c.orig,         false
            # * stays in one folder
            *.bpf.c,             a.bpf.c,              true
            *.bpf.c,             net/a.bpf.c,          false
            # ? is one character, a dot is a literal dot
            v?/x.c,              v1/x.c,               true
            v?/x.c,              v12/x.c,              false
            v?/x.c,              v1/xxc,               false
            # a trailing slash means everything below
            experimental/,       experimental/a.bpf.c, true
            experimental/,       experimental/deep/a.bpf.c, true
            experimental/,       other/a.bpf.c,        false
            # ** in the middle
            net/**/test_*.bpf.c, net/test_a.bpf.c,     true
            net/**/test_*.bpf.c, net/x/y/test_a.bpf.c, true
            net/**/test_*.bpf.c, test_a.bpf.c,         false
            """)
    void matches(String pattern, String path, boolean matches) {
        assertThat(AntPattern.compile(pattern).matches(path)).isEqualTo(matches);
    }
}
