package org.ebpfj.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.vm.guest.Qemu;
import org.ebpfj.vm.image.KernelCache;
import org.ebpfj.vm.image.KernelSpec;
import org.ebpfj.vm.matrix.KernelOutcome;
import org.ebpfj.vm.matrix.GuestJvm;
import org.ebpfj.vm.matrix.MatrixRequest;
import org.ebpfj.vm.matrix.MatrixRunner;
import org.ebpfj.vm.matrix.MatrixSummary;

/**
 * The runner without Maven, for scripts and CI:
 * {@code java -cp bpf-vm.jar:console-standalone.jar org.ebpfj.vm.Main --kernels 5.10,6.12 --classpath CP
 * --scan target/test-classes [--tag T] [--classes REGEX] [-Dname=value] --build-dir target}.
 * Exit 0 when every kernel passes, 1 when a kernel fails, 2 for a wrong command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> kernels = new ArrayList<>();
        List<Path> classpath = new ArrayList<>();
        List<Path> scan = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        Map<String, String> props = new LinkedHashMap<>();
        String classes = "";
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path buildDir = Path.of("target").toAbsolutePath();
        Path cwd = Path.of("").toAbsolutePath();
        long boot = 120;
        long runTimeout = 1800;
        int cpus = 2;
        int memory = 2048;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("-D") && a.contains("=")) {
                    props.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--kernels": kernels.add(v); break;
                    case "--classpath": for (String p : v.split(":")) { if (!p.isEmpty()) classpath.add(Path.of(p)); } break;
                    case "--scan": scan.add(Path.of(v).toAbsolutePath()); classpath.add(0, Path.of(v).toAbsolutePath()); break;
                    case "--tag": tags.add(v); break;
                    case "--classes": classes = v; break;
                    case "--jvm-arg": jvmArgs.add(v); break;
                    case "--java-home": javaHome = Path.of(v); break;
                    case "--build-dir": buildDir = Path.of(v).toAbsolutePath(); break;
                    case "--cwd": cwd = Path.of(v).toAbsolutePath(); break;
                    case "--boot-timeout": boot = Long.parseLong(v); break;
                    case "--run-timeout": runTimeout = Long.parseLong(v); break;
                    case "--cpus": cpus = Integer.parseInt(v); break;
                    case "--memory": memory = Integer.parseInt(v); break;
                    default: throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (kernels.isEmpty()) {
                throw new IllegalArgumentException("--kernels is required, e.g. --kernels 5.10,6.12");
            }
            MatrixRequest request = new MatrixRequest(KernelSpec.parseList(String.join(",", kernels)),
                    new GuestJvm(javaHome, classpath, props, jvmArgs, cwd), scan, tags, classes, buildDir,
                    Duration.ofSeconds(boot), Duration.ofSeconds(runTimeout), cpus, memory);
            MatrixRunner runner = new MatrixRunner(new KernelCache(KernelCache.defaultRoot(), System.out::println),
                    Qemu.find(cpus, memory), MatrixRunner.bundledLauncher(), System.out::println);
            List<KernelOutcome> outcomes = runner.run(request);
            MatrixSummary.table(outcomes).forEach(System.out::println);
            boolean ok = true;
            for (KernelOutcome o : outcomes) {
                o.failure().ifPresent(f -> System.out.println("kernel " + o.label() + ": " + f));
                for (KernelOutcome.TestCase t : o.tests()) {
                    if (t.state() == KernelOutcome.State.FAILED) {
                        System.out.println("FAILED on " + o.label() + ": " + t.id() + ": " + t.message());
                    }
                }
                ok &= o.ok();
            }
            outcomes.forEach(o -> System.out.println(MatrixSummary.line(o)));
            return ok ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("bpf-vm: " + e.getMessage());
            return 2;
        } catch (VmException e) {
            System.err.println("bpf-vm: " + e.getMessage());
            if (!e.consoleTail().isEmpty()) {
                System.err.println("--- guest console tail ---\n" + e.consoleTail());
            }
            return 1;
        }
    }
}
