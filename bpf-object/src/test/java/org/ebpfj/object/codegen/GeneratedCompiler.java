package org.ebpfj.object.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.codegen.GeneratedSources.GeneratedFile;

/** Compiles generated sources with the JDK's compiler (release 17), as a project compiling them would. */
final class GeneratedCompiler {
    private GeneratedCompiler() {
    }

    /** Writes the files under {@code dir} and compiles them; returns the compiler's messages ("" when clean). */
    static String compile(Path dir, List<GeneratedFile> files) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d",
                out.toString()));
        for (GeneratedFile f : files) {
            Path p = src.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
            args.add(p.toString());
        }
        // java.util.spi.ToolProvider (java.base), so the test needs no read edge to the java.compiler module
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("no javac in this JDK"));
        StringWriter messages = new StringWriter();
        java.io.PrintWriter log = new java.io.PrintWriter(messages);
        int rc = javac.run(log, log, args.toArray(String[]::new));
        log.flush();
        return rc == 0 ? "" : messages.toString();
    }
}
