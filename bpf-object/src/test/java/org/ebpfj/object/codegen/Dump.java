package org.ebpfj.object.codegen;

import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;

class Dump {
    @Test
    void dump() throws Exception {
        GeneratedSources g = CodeGenerator.generate(TestObjects.bytes("shapes.bpf.o"), "objects/shapes.bpf.o",
                CodegenOptions.of("org.ebpfj.golden.shapes", "/objects/shapes.bpf.o"));
        for (var f : g.records()) System.out.println("=== " + f.path() + "\n" + f.content());
        for (var f : g.skeletons()) System.out.println("=== " + f.path() + "\n" + f.content());
        System.out.println(g.notes());
        System.out.println(GeneratedCompiler.compile(java.nio.file.Files.createTempDirectory("gen"), g.records()));
    }
}
