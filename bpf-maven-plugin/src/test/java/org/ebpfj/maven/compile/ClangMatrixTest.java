package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ebpfj.maven.testing.RecordingLog;
import org.ebpfj.maven.toolchain.Clang;
import org.ebpfj.maven.toolchain.ClangProbe;
import org.ebpfj.maven.toolchain.Platform;
import org.ebpfj.maven.vmlinux.VmlinuxConfiguration;
import org.ebpfj.maven.vmlinux.VmlinuxService;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every BPF source of this repository (test resources, the examples, the Invoker projects) compiled with each clang
 * named in {@code EBPFJ_CLANGS} (colon-separated, e.g. the embedded clang 20 and Debian's clang-14), with the
 * plugin's own flags and headers: each must compile every source, and the objects of one source must give the
 * same map specs whichever clang built them. CI sets the variable ({@code .ci/run}); without it this test is
 * skipped with that reason.
 */
class ClangMatrixTest {

    /** Sources that are broken on purpose. */
    private static final List<String> BROKEN_ON_PURPOSE = List.of("it/src/it/syntax-error/", "it/src/it/skip/");

    @TempDir
    Path tmp;

    @Test
    void everySourceCompilesWithEveryClangAndGivesTheSameMapSpecs() throws Exception {
        String clangs = System.getenv("EBPFJ_CLANGS");
        Assumptions.assumeTrue(clangs != null && !clangs.isBlank(),
                "EBPFJ_CLANGS names no clangs (CI sets it to the embedded clang and Debian's clang-14)");
        Path repo = Path.of("").toAbsolutePath().getParent();
        Map<Path, List<Path>> roots = sourceRoots(repo);
        Path vmlinux = tmp.resolve("vmlinux");
        new VmlinuxService(new RecordingLog()).generate(new VmlinuxConfiguration(
                VmlinuxConfiguration.RUNNING_KERNEL_BTF, vmlinux.resolve("vmlinux.h"), List.of(), "ClangMatrixTest"));

        Map<String, Map<String, List<String>>> specsByClang = new LinkedHashMap<>();
        for (String clangPath : clangs.split(":")) {
            Path executable = Path.of(clangPath);
            ClangProbe.Result probe = new ClangProbe().probe(executable);
            assertThat(probe.usable()).as(clangPath + ": " + probe.problem()).isTrue();
            Clang clang = new Clang(executable, probe.version().orElseThrow(), "EBPFJ_CLANGS");
            Map<String, List<String>> specs = new TreeMap<>();
            int compiled = 0;
            long started = System.nanoTime();
            for (Map.Entry<Path, List<Path>> root : roots.entrySet()) {
                Path out = tmp.resolve("out-" + specsByClang.size()).resolve(repo.relativize(root.getKey()));
                RecordingLog log = new RecordingLog();
                CompileResult result = new CompileService(log).compile(config(repo, root.getKey(), out, vmlinux),
                        () -> clang).orElseThrow();
                assertThat(result.failures()).as(clang.version() + " on " + root.getKey() + ":\n"
                        + String.join("\n", log.lines())).isEmpty();
                for (SourceOutcome outcome : result.outcomes()) {
                    compiled++;
                    specs.put(repo.relativize(outcome.unit().source()).toString(),
                            mapSpecs(outcome.unit().object()));
                }
            }
            System.out.printf("ClangMatrixTest: %s compiled %d of %d sources in %.1f s%n", clang.version(), compiled,
                    roots.values().stream().mapToInt(List::size).sum(), (System.nanoTime() - started) / 1e9);
            specsByClang.put(clang.version(), specs);
        }
        List<Map<String, List<String>>> all = new ArrayList<>(specsByClang.values());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i)).as("map specs of " + List.copyOf(specsByClang.keySet()).get(i) + " vs "
                    + List.copyOf(specsByClang.keySet()).get(0)).isEqualTo(all.get(0));
        }
    }

    /** Each source root (a project's src/main/bpf, or a folder of test sources) with its sources, in a stable order. */
    private static Map<Path, List<Path>> sourceRoots(Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bpf.c"))
                    .filter(p -> !repo.relativize(p).toString().contains("/target/"))
                    .filter(p -> !repo.relativize(p).startsWith("target"))
                    .filter(p -> !repo.relativize(p).startsWith(".git"))
                    .filter(p -> BROKEN_ON_PURPOSE.stream().noneMatch(b -> repo.relativize(p).toString().startsWith(b)))
                    .sorted()
                    .collect(Collectors.groupingBy(ClangMatrixTest::sourceRoot, TreeMap::new, Collectors.toList()));
        }
    }

    /** A project's src/main/bpf (sources in sub-folders include headers from its top), else the source's folder. */
    private static Path sourceRoot(Path source) {
        for (Path dir = source.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.endsWith(Path.of("src", "main", "bpf"))) {
                return dir;
            }
        }
        return source.getParent();
    }

    /** The harness's test sources include bpf-kernel's {@code mini_bpf.h}, as their regenerate.sh does. */
    private CompileConfiguration config(Path repo, Path sources, Path out, Path vmlinux) {
        Platform platform = Platform.current();
        List<Path> sharedHeaders = List.of(repo.resolve("bpf-kernel/src/test/resources/bpf"));
        return new CompileConfiguration(sources, sources, SourceScanner.DEFAULT_INCLUDES, List.of(),
                out.resolve("objects"), out.resolve("work"), sharedHeaders, List.of(), Optional.of(CompileFlags.DEFAULT_CPU), List.of(), List.of(),
                platform.kernelArch(), out.resolve("include"), Path.of("/usr/include/linux/bpf.h"), false,
                Optional.of(vmlinux), Path.of("/usr/include"), platform.multiarchTriple(), 2);
    }

    /** What a map is, without where it came from (lines and BTF type ids are the compiler's). */
    private static List<String> mapSpecs(Path object) throws Exception {
        List<String> specs = new ArrayList<>();
        for (MapSpec m : ObjectSpecReader.read(object).maps()) {
            specs.add(m.name() + " " + m.typeName() + " key " + m.keySize() + " value " + m.valueSize() + " max "
                    + m.maxEntries() + " flags " + m.flags() + " extra " + m.mapExtra() + " numa " + m.numaNode()
                    + " pinning " + m.pinning() + " deferred " + m.deferred() + " inner "
                    + m.innerMap().map(i -> i.typeName() + "/" + i.keySize() + "/" + i.valueSize() + "/"
                            + i.maxEntries()).orElse("-"));
        }
        return specs;
    }
}
