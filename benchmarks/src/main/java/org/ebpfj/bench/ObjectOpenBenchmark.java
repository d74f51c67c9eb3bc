package org.ebpfj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.OpenOpts;
import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offline path (ELF, BTF, map specs, every rule, each finding rendered with its DWARF location) on a real
 * object, beside what libbpf does with the same bytes when a loader opens them ({@code bpf_object__open_mem} then {@code bpf_object__close}):
 * ELF, BTF, map definitions, programs and relocations, no kernel. libbpf gets the bytes in native memory, as a C
 * loader has them; the Java path reads the byte array a Maven build has.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 15 objects × 2 sides in ~3 minutes (one fork each): 3 × 1 s of measurement per side, warm-up sized per side. The
// Java parser needs C2: 4 × 1 s of warm-up (when the warm-up lines of jmh.log are still falling, as on a loaded
// machine, the ratios are not worth reading); libbpf is native code and only needs its caches warm.
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
public class ObjectOpenBenchmark extends BenchmarkDefaults {

    /** Every object of the project's test resources that libbpf opens (bpf-object, bpf-kernel, the harness). */
    @Param({"hash_vs_lru.bpf.o", "kinds.bpf.o", "maps_valid.bpf.o", "programs.bpf.o", "global_data.bpf.o",
        "maps_invalid.bpf.o", "maps_valid.dwarf4.o", "multi_cu.bpf.o", "array_key8.bpf.o", "fentry.bpf.o",
        "overflow.bpf.o", "pinned.bpf.o", "small.bpf.o", "types.bpf.o", "verifier_reject.bpf.o"})
    public String object;

    private byte[] bytes;
    private MapRuleEngine engine;
    private Arena arena;
    private MemorySegment nativeBytes;
    private MemorySegment openOpts;
    private MemorySegment callState;

    @Setup(Level.Trial)
    public void readObject() {
        bytes = resource("bench-objects/" + object);
        engine = new MapRuleEngine(KernelProfile.defaults());
        arena = Arena.ofConfined();
        nativeBytes = arena.allocate(bytes.length, 8);
        MemorySegment.copy(bytes, 0, nativeBytes, ValueLayout.JAVA_BYTE, 0, bytes.length);
        openOpts = arena.allocate(OpenOpts.LAYOUT);
        openOpts.set(ValueLayout.JAVA_LONG, OpenOpts.SZ, OpenOpts.LAYOUT.byteSize());
        openOpts.set(ValueLayout.ADDRESS, OpenOpts.OBJECT_NAME,
                arena.allocateFrom(object.substring(0, object.indexOf('.'))));
        callState = CallState.allocate(arena);
    }

    /** The objects measured: the one list, read from {@link #object}'s {@code @Param} by the report and tests. */
    public static String[] objects() {
        try {
            return ObjectOpenBenchmark.class.getField("object").getAnnotation(Param.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void free() {
        arena.close();
    }

    /**
     * What the plugin's {@code check} goal does per object: read it, check every map, and show every finding as
     * the line the build log prints (which is when a finding's source location is looked up).
     */
    @Benchmark
    public int parseAndCheck() throws ObjectFormatException {
        ObjectSpec spec = ObjectSpecReader.read(bytes, object);
        int chars = 0;
        for (Violation v : engine.check(spec)) {
            chars += FindingLine.of(v).length();
        }
        return chars;
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    public void libbpfOpen() {
        MemorySegment obj = LibBpf.objectOpenMem(callState, nativeBytes, openOpts);
        if (obj.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("libbpf cannot open " + object + ": errno " + CallState.errno(callState));
        }
        LibBpf.objectClose(obj);
    }

    static byte[] resource(String name) {
        try (InputStream in = ObjectOpenBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " (build the benchmarks module first)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
