package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link SourcePaths#normalize} scans a path once; it must drop exactly what splitting it at "/" drops. */
class SourcePathsTest {
    /** The straightforward way: split, drop empty and "." segments, join. */
    private static String bySplitting(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        String joined = String.join("/", parts);
        if (path.startsWith("/")) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    @Test
    void normalizesAsSplittingDoes() {
        Random random = new Random(11);
        String alphabet = "/./a.b/..c";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder p = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                p.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String path = p.toString();
            assertThat(SourcePaths.normalize(path)).as("'%s'", path).isEqualTo(bySplitting(path));
        }
    }

    @Test
    void joinsAsNormalizingTheJoinedPathDoes() {
        for (String dir : new String[] {".", "./", "objects/.", "/src", "", "a/b"}) {
            for (String name : new String[] {"x.c", "./x.c", "../x.c", "", ".", "a//b.h"}) {
                assertThat(SourcePaths.join(dir, name)).as("%s + %s", dir, name)
                        .isEqualTo(dir.isEmpty() ? bySplitting(name) : bySplitting(dir + "/" + name));
            }
        }
    }
}
