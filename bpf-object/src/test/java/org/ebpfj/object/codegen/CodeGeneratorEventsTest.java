package org.ebpfj.object.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.codegen.GeneratedSources.GeneratedFile;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event types that only DWARF has ({@code events.bpf.c}: each event is a local variable, so clang leaves it out of
 * BTF): the call sites give the size and the map, the calling function's locals give the struct, and the
 * skeleton's reader for that map decodes it.
 */
class CodeGeneratorEventsTest {
    static final String EVENTS = "events.bpf.o";

    private static GeneratedSources events() throws Exception {
        return CodeGenerator.generate(TestObjects.bytes(EVENTS), EVENTS, CodegenOptions.of("gen.events",
                "/objects/" + EVENTS));
    }

    @Test
    void theEventTypesAreNotInTheObjectsBtf() throws Exception {
        var btf = ObjectSpecReader.read(TestObjects.bytes(EVENTS), EVENTS).btf().orElseThrow();
        assertThat(btf.find(BtfKind.STRUCT, "ring_event")).isEmpty();
        assertThat(btf.find(BtfKind.STRUCT, "perf_sample")).isEmpty();
        assertThat(btf.find(BtfKind.STRUCT, "note")).isEmpty();
    }

    @Test
    void callSitesGiveTheHelperTheSizeAndTheMap() throws Exception {
        List<EventCallSites.Call> calls = EventCallSites.find(ElfFile.read(TestObjects.bytes(EVENTS), EVENTS));
        assertThat(calls).extracting(EventCallSites.Call::helper).containsExactly(131, 25, 130);
        assertThat(calls).extracting(EventCallSites.Call::size)
                .containsExactly(OptionalLong.of(24), OptionalLong.of(16), OptionalLong.of(20));
        assertThat(calls).extracting(c -> c.map().orElse("?")).containsExactly("ring", "samples", "notes");
        assertThat(calls).extracting(EventCallSites.Call::function).containsOnly("send_events");
    }

    @Test
    void eachEventGetsARecordFromDwarfWithItsExactLayout() throws Exception {
        GeneratedSources g = events();
        assertThat(content(g, "RingEvent.java"))
                .contains("public record RingEvent(int seq, int step, int urgent, int level, String tag, long stamp)")
                .contains("{@code struct ring_event} (24 bytes), declared at objects/events.bpf.c:")
                .contains("int level = (int) BpfBytes.getBits(buf, offset + 8, 1, 3, false);")
                .contains("long stamp = buf.getLong(offset + 16);");
        assertThat(content(g, "PerfSample.java"))
                .contains("public record PerfSample(short cpuHint, int delta, long bytes_)")
                .contains("int delta = buf.getInt(offset + 4);");
        assertThat(content(g, "Note.java")).contains("public record Note(int code, String text)");
        assertThat(content(g, "Step.java")).contains("STEP_STOP(2)");
    }

    @Test
    void theSkeletonHasATypedReaderPerEventMap() throws Exception {
        String skeleton = content(events(), "Events.java");
        assertThat(skeleton)
                .contains("public synchronized RingBufferReader<RingEvent> ring()")
                .contains("ring = RingBufferReader.open(object, MAP_RING, RING_EVENT_CODEC);")
                .contains("public synchronized PerfBufferReader<PerfSample> samples()")
                .contains("PerfBufferReader.open(object, MAP_SAMPLES, PERF_SAMPLE_CODEC,"
                        + " PerfBufferReader.DEFAULT_PAGES)")
                .contains("public synchronized RingBufferReader<Note> notes()")
                .contains("public <T> UserRingBufferWriter<T> commands(MapCodec<T> codec)");
        assertThat(events().coverage()).allMatch(GeneratedSources.MapCoverage::typed);
    }

    @Test
    void theRecordsCompile(@TempDir Path dir) throws Exception {
        assertThat(GeneratedCompiler.compile(dir, events().records())).isEmpty();
    }

    private static String content(GeneratedSources g, String file) {
        List<GeneratedFile> all = new ArrayList<>(g.records());
        all.addAll(g.skeletons());
        return all.stream().filter(f -> f.path().endsWith("/" + file)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " not generated; notes: " + g.notes()))
                .content();
    }
}
