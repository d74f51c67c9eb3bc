package org.ebpfj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.bench.generated.shapes.Padded;
import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.uapi.MapType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * A struct value through three paths, in one run: the record generated from BTF with its own codec
 * ({@code Padded.read/write} behind {@code Codecs.buffer}), a hand-written record laid out by {@code RecordCodec}
 * (method handles built from reflection once), and the raw byte path ({@code RawMap} on preallocated segments).
 * The value is {@code struct padded} of shapes.bpf.o (32 bytes, 5 members, 13 bytes of padding) in a HASH of
 * u32 keys holding 10,000 entries; each operation is on the next key.
 *
 * <p>The {@code encode*}/{@code decode*} benchmarks time the codecs alone, on a native buffer and without the
 * bpf() call: a syscall costs about 1.2 µs on a VM and its variance on a busy machine hides differences of a few
 * nanoseconds in the map operations.
 */
public class RecordCodecBenchmark extends MapBenchmark {
    static final int ENTRIES = 10_000;

    /** {@code struct padded} written by hand, as a user would without the generator. */
    public record PaddedByHand(byte flag, int pid, short count, long stamp, int tail) {
    }

    private BpfMap<Integer, Padded> generated;
    private BpfMap<Integer, PaddedByHand> byHand;
    private MapCodec<Padded> generatedCodec;
    private MapCodec<PaddedByHand> byHandCodec;
    private Arena arena;
    private MemorySegment key;
    private MemorySegment value;

    @Setup(Level.Trial)
    public void createAndFill() throws IOException, org.ebpfj.object.ObjectFormatException {
        TypeRef padded;
        try (InputStream in = RecordCodecBenchmark.class.getResourceAsStream("/bench-objects/shapes.bpf.o")) {
            padded = ObjectSpecReader.read(in.readAllBytes(), "shapes.bpf.o").map("padding").orElseThrow()
                    .valueType().orElseThrow();
        }
        raw = RawMap.create(MapSpec.builder("bench_records", MapType.HASH).keySize(4).valueSize(Padded.BYTES)
                .maxEntries(ENTRIES).build());
        MapCodec<Padded> codec = Codecs.buffer(Padded.BYTES, Padded::read, Padded::write, "record Padded");
        generated = raw.typed(Codecs.int32(), codec);
        generatedCodec = codec;
        byHandCodec = Codecs.record(PaddedByHand.class, padded);
        byHand = raw.typed(Codecs.int32(), byHandCodec);
        for (int k = 0; k < ENTRIES; k++) {
            generated.put(k, value(k));
        }
        arena = Arena.ofConfined();
        key = arena.allocate(4);
        value = arena.allocate(Padded.BYTES);
    }

    static Padded value(int k) {
        return new Padded((byte) k, k, (short) k, 1_000_000_000_000L + k, -k);
    }

    @Override
    protected void freeMore() {
        if (arena != null) {
            arena.close();
        }
    }

    private int nextKey() {
        return nextKey(ENTRIES);
    }

    @Benchmark
    public Padded lookupGenerated() {
        return generated.lookup(nextKey()).orElseThrow();
    }

    @Benchmark
    public PaddedByHand lookupHandWritten() {
        return byHand.lookup(nextKey()).orElseThrow();
    }

    @Benchmark
    public long lookupRaw() {
        key.set(ValueLayout.JAVA_INT, 0, nextKey());
        raw.lookup(key, value);
        return value.get(ValueLayout.JAVA_LONG_UNALIGNED, 16);
    }

    @Benchmark
    public void updateGenerated() {
        int k = nextKey();
        generated.put(k, new Padded((byte) 1, k, (short) 2, k, 3), UpdateFlag.ANY);
    }

    @Benchmark
    public void updateHandWritten() {
        int k = nextKey();
        byHand.put(k, new PaddedByHand((byte) 1, k, (short) 2, k, 3), UpdateFlag.ANY);
    }

    @Benchmark
    public void updateRaw() {
        int k = nextKey();
        key.set(ValueLayout.JAVA_INT, 0, k);
        writeRaw(k);
        raw.update(key, value, UpdateFlag.ANY);
    }

    @Benchmark
    public MemorySegment encodeGenerated() {
        int k = nextKey();
        generatedCodec.encode(new Padded((byte) 1, k, (short) 2, k, 3), value, 0);
        return value;
    }

    @Benchmark
    public MemorySegment encodeHandWritten() {
        int k = nextKey();
        byHandCodec.encode(new PaddedByHand((byte) 1, k, (short) 2, k, 3), value, 0);
        return value;
    }

    @Benchmark
    public MemorySegment encodeRaw() {
        writeRaw(nextKey());
        return value;
    }

    /** {@code struct padded {1, k, 2, k, 3}} written field by field, padding zeroed, as C would lay it out. */
    private void writeRaw(int k) {
        value.fill((byte) 0);
        value.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        value.set(ValueLayout.JAVA_INT_UNALIGNED, 4, k);
        value.set(ValueLayout.JAVA_SHORT_UNALIGNED, 8, (short) 2);
        value.set(ValueLayout.JAVA_LONG_UNALIGNED, 16, k);
        value.set(ValueLayout.JAVA_INT_UNALIGNED, 24, 3);
    }

    @Benchmark
    public Padded decodeGenerated() {
        return generatedCodec.decode(value, 0);
    }

    @Benchmark
    public PaddedByHand decodeHandWritten() {
        return byHandCodec.decode(value, 0);
    }

    @Benchmark
    public long decodeRaw() {
        return value.get(ValueLayout.JAVA_BYTE, 0) + value.get(ValueLayout.JAVA_INT_UNALIGNED, 4)
                + value.get(ValueLayout.JAVA_SHORT_UNALIGNED, 8) + value.get(ValueLayout.JAVA_LONG_UNALIGNED, 16)
                + value.get(ValueLayout.JAVA_INT_UNALIGNED, 24);
    }
}
