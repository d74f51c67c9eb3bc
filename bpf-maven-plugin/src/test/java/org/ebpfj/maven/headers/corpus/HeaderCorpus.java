package org.ebpfj.maven.headers.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ebpfj.maven.headers.BpfHeaders;
import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.process.ProcessResult;
import org.ebpfj.maven.process.ProcessRunner;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.cdump.CHeaderOptions;
import org.ebpfj.object.cdump.CHeaderWriter;

/**
 * The header test corpus ({@code src/test/bpf/headers}, on the test class path under {@code /bpf/headers/}):
 * written into a work folder with a {@code vmlinux.h} of the running kernel and compiled with a given clang
 * against a given set of headers (the plugin's own, or libbpf's), the way libbpf-based projects build:
 * {@code -target bpf -O2 -g -mcpu=v3 -D__TARGET_ARCH_<arch> -Werror=implicit-function-declaration}.
 * Results are kept per clang and header set, so that tests in one JVM compile each unit once.
 */
public final class HeaderCorpus {

    /** Every source of the corpus (a test checks this list against the folder). */
    public static final List<String> SOURCES = List.of("arch.bpf.c", "btf_programs.bpf.c", "compile_only.bpf.c",
            "core_read.bpf.c", "endian.bpf.c", "iterators.bpf.c", "kfuncs.bpf.c", "kptrs_and_args.bpf.c",
            "maps.bpf.c", "printk.bpf.c", "printk_no_global_data.bpf.c", "seq_printf.bpf.c", "tracing.bpf.c",
            "usdt.bpf.c");

    /** arch.bpf.c is compiled once per architecture bpf_tracing.h knows. */
    public static final List<String> ARCHITECTURES = List.of("x86", "arm64", "riscv", "s390", "powerpc",
            "loongarch", "arm", "mips", "sparc", "arc");

    /**
     * Units the kernel is not asked to load, with the reason: they are compiled (and compared) only.
     * Everything else must load into the running kernel, CO-RE relocations resolved.
     */
    public static final Map<String, String> NOT_LOADED = Map.of(
            "arch", "compiled for other architectures' registers; its programs are not meant to run",
            "compile_only", "fentry/fexit get EPERM and ARENA maps get EPERM on the project's CI machine,"
                    + " bpf_stream_vprintk exists from kernel 6.19 on, and the machine's libbpf 1.1.2 cannot read"
                    + " __ulong map properties (libbpf 1.3+ can)");

    /** One compilation: a source and the architecture it is compiled for. */
    public record Unit(String name, String source, String arch) {
        public boolean loadable() {
            return !NOT_LOADED.containsKey(source.equals("arch.bpf.c") ? "arch" : name);
        }
    }

    /** The outcome of compiling one unit. */
    public record Built(Unit unit, Path object, ProcessResult result) {
        public boolean compiled() {
            return result.succeeded() && Files.isRegularFile(object);
        }

        /** The first lines of clang's output, for failure messages. */
        public String firstErrors() {
            return result.output().lines().filter(l -> l.contains("error")).limit(3)
                    .reduce((a, b) -> a + "\n" + b).orElse(result.output());
        }
    }

    private static final Map<String, List<Built>> BUILT = new ConcurrentHashMap<>();

    private final Path work;

    private HeaderCorpus(Path work) {
        this.work = work;
    }

    /** Strict mode (CI): a test that cannot run fails instead of skipping. */
    public static boolean strict() {
        return org.ebpfj.object.machine.StrictMode.isOn();
    }

    public static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (String source : SOURCES) {
            String name = source.substring(0, source.length() - ".bpf.c".length());
            if (source.equals("arch.bpf.c")) {
                ARCHITECTURES.forEach(a -> units.add(new Unit("arch-" + a, source, a)));
            } else {
                units.add(new Unit(name, source, "x86"));
            }
        }
        return units;
    }

    /**
     * The corpus in {@code work}: sources copied out of the class path and {@code vmlinux.h} written from the
     * running kernel's BTF. Empty with the reason when this machine has no kernel BTF.
     */
    public static Prepared prepare(Path work) throws IOException {
        Path btf = Path.of("/sys/kernel/btf/vmlinux");
        if (!Files.isReadable(btf)) {
            return new Prepared(Optional.empty(), "no readable " + btf + " to write vmlinux.h from");
        }
        Path sources = Files.createDirectories(work.resolve("src"));
        for (String source : SOURCES) {
            try (InputStream in = HeaderCorpus.class.getResourceAsStream("/bpf/headers/" + source)) {
                if (in == null) {
                    throw new IOException("test class path lacks /bpf/headers/" + source);
                }
                Files.write(sources.resolve(source), in.readAllBytes());
            }
        }
        Path vmlinux = work.resolve("vmlinux/vmlinux.h");
        if (!Files.isRegularFile(vmlinux)) {
            Files.createDirectories(vmlinux.getParent());
            try {
                Files.writeString(vmlinux, CHeaderWriter.toString(BtfReader.read(Files.readAllBytes(btf)),
                        CHeaderOptions.defaults()));
            } catch (org.ebpfj.object.ObjectFormatException e) {
                throw new IOException("cannot write vmlinux.h from " + btf + ": " + e.getMessage(), e);
            }
        }
        return new Prepared(Optional.of(new HeaderCorpus(work.toAbsolutePath())), "");
    }

    /** A prepared corpus, or why there is none. */
    public record Prepared(Optional<HeaderCorpus> corpus, String reason) {
    }

    /** The plugin's own headers, written as a build writes them; the folder to pass with -I. */
    public Path ownHeaders() throws IOException {
        return new BpfHeaders(BuildLog.silent())
                .write(work.resolve("own-include"), Path.of("/usr/include/linux/bpf.h"));
    }

    /** Every unit compiled with {@code clang} against the headers under {@code include}; cached per key. */
    public List<Built> build(String key, Path clang, Path include) {
        return BUILT.computeIfAbsent(key, k -> {
            try {
                return compileAll(work.resolve("obj").resolve(k), clang, include);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Built> compileAll(Path out, Path clang, Path include) throws IOException {
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Built>> futures = new ArrayList<>();
            for (Unit unit : units()) {
                futures.add(pool.submit(() -> compile(clang, include, unit, out)));
            }
            List<Built> built = new ArrayList<>();
            for (Future<Built> f : futures) {
                built.add(f.get());
            }
            return built;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling the header corpus", e);
        } catch (ExecutionException e) {
            throw new IOException("compiling the header corpus failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The flags every unit is compiled with, the architecture's apart. */
    private static List<String> flags(Path clang, String arch) {
        return new ArrayList<>(List.of(clang.toString(), "-target", "bpf", "-O2", "-g", "-mcpu=v3",
                "-D__TARGET_ARCH_" + arch, "-Werror=implicit-function-declaration"));
    }

    /*
     * No precompiled vmlinux.h, although it would save most of the compile time: with one, clang 20 leaves the
     * BTF of an extern kfunc named only in a cleanup attribute (bpf_iter_num_destroy in bpf_for) out of the
     * object, and libbpf then refuses to open it.
     */
    private Built compile(Path clang, Path include, Unit unit, Path out) throws IOException {
        Path object = out.resolve(unit.name() + ".bpf.o");
        Files.deleteIfExists(object);
        List<String> command = flags(clang, unit.arch());
        command.addAll(List.of("-I" + work.resolve("vmlinux"), "-I" + include));
        Path multiarch = Path.of("/usr/include/x86_64-linux-gnu");
        if (Files.isDirectory(multiarch)) { // <asm/...> for UAPI headers (usdt.bpf.h's <linux/errno.h>)
            command.add("-idirafter");
            command.add(multiarch.toString());
        }
        command.addAll(List.of("-c", work.resolve("src").resolve(unit.source()).toString(), "-o", object.toString()));
        return new Built(unit, object, new ProcessRunner(300).run(command, work));
    }
}
