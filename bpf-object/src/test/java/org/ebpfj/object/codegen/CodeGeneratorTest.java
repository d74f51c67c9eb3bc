package org.ebpfj.object.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.codegen.GeneratedSources.GeneratedFile;
import org.ebpfj.object.codegen.GeneratedSources.MapCoverage;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator on the committed test objects: the sources for {@code shapes.bpf.o} (one map per layout shape)
 * are compared with golden copies under {@code src/test/resources/codegen/shapes}; every object's records compile
 * at Java 17 without a warning; and the same object gives the same bytes.
 *
 * <p>After a deliberate change to the output, rewrite the golden copies with
 * {@code -Dcodegen.updateGolden=true} and review the diff.
 */
class CodeGeneratorTest {
    static final String SHAPES = "shapes.bpf.o";
    private static final String GOLDEN = "codegen/shapes/";
    private static final CodegenOptions SHAPES_OPTIONS = CodegenOptions.of("org.ebpfj.harness.generated.shapes",
            "/objects/shapes.bpf.o");

    private static GeneratedSources shapes() throws ObjectFormatException {
        return CodeGenerator.generate(TestObjects.bytes(SHAPES), SHAPES, SHAPES_OPTIONS);
    }

    @Test
    void shapesMatchTheGoldenSources() throws Exception {
        GeneratedSources g = shapes();
        List<GeneratedFile> all = new ArrayList<>(g.records());
        all.addAll(g.skeletons());
        boolean update = Boolean.getBoolean("codegen.updateGolden");
        List<String> names = new ArrayList<>();
        for (GeneratedFile f : all) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1) + ".txt";
            names.add(name);
            if (update) {
                Path dir = Path.of("src/test/resources", GOLDEN);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name), f.content());
                continue;
            }
            assertThat(f.content()).as(name).isEqualTo(golden(name));
        }
        assertThat(names).contains("Segment.java.txt", "Path.java.txt", "Flags.java.txt", "Endpoint.java.txt",
                "Address.java.txt", "Job.java.txt", "State.java.txt", "Big.java.txt", "Padded.java.txt",
                "Odd.java.txt", "Tally.java.txt", "Point.java.txt", "Event.java.txt", "BpfBytes.java.txt",
                "Shapes.java.txt");
    }

    @Test
    void theSameObjectGivesTheSameBytes() throws Exception {
        assertThat(shapes()).isEqualTo(shapes());
    }

    @Test
    void javadocNamesTheCTypeItsLineAndItsPadding() throws Exception {
        String padded = content(shapes(), "Padded.java");
        assertThat(padded).contains("{@code struct padded} (32 bytes), declared at objects/shapes.bpf.c:69.")
                .contains("     1     3  (padding)").contains("    10     6  (padding)")
                .contains("    28     4  (padding)").contains("@param stamp __u64 (unsigned: Long.toUnsignedString");
    }

    @Test
    void anonymousUnionsBecomeANamedViewAndTheNoteSaysSo() throws Exception {
        String endpoint = content(shapes(), "Endpoint.java");
        assertThat(endpoint).contains("public record Endpoint(Address addr, short port, TcpSeqOrUdpLen tcpSeqOrUdpLen)")
                .contains("The anonymous union at byte 20 is the component tcpSeqOrUdpLen")
                .contains("public record TcpSeqOrUdpLen(byte[] bytes)")
                .contains("public static TcpSeqOrUdpLen ofUdpLen(short udpLen)");
    }

    @Test
    void theEventNamedByAGlobalPointerGetsARecordAndThePointerNoAccessor() throws Exception {
        GeneratedSources g = shapes();
        assertThat(content(g, "Event.java")).contains("public record Event(int pid, String comm, int state)");
        assertThat(content(g, "Shapes.java")).doesNotContain("unusedEvent")
                .contains("public synchronized RingBufferReader<Event> events()");
    }

    @Test
    void namedTypesAreAddedAndUnknownOnesNoted() throws Exception {
        GeneratedSources g = CodeGenerator.generate(TestObjects.bytes(TestObjects.GLOBAL_DATA), "global_data.bpf.o",
                CodegenOptions.of("p", "/bpf/global_data.bpf.o").withExtraTypes(List.of("struct nowhere")));
        assertThat(g.notes()).anyMatch(n -> n.contains("type 'struct nowhere' is not in the BTF"));
    }

    /** Every committed object: records compile at --release 17 with -Xlint:all -Werror; every typed map counted. */
    @Test
    void recordsOfEveryTestObjectCompileAndEveryMapIsTyped(@TempDir Path dir) throws Exception {
        List<String> objects = new ArrayList<>(TestObjects.ALL);
        objects.add(SHAPES);
        objects.add(CodeGeneratorEventsTest.EVENTS);
        objects.add("bitfields.bpf.o");
        objects.add("bitfields.bpfeb.o");
        int maps = 0;
        int typed = 0;
        int files = 0;
        for (String object : objects) {
            String pkg = "gen." + object.replaceAll("[^a-z0-9]", "");
            GeneratedSources g = CodeGenerator.generate(TestObjects.bytes(object), object,
                    CodegenOptions.of(pkg, "/objects/" + object));
            String errors = GeneratedCompiler.compile(dir.resolve(pkg), g.records());
            assertThat(errors).as(object).isEmpty();
            files += g.records().size();
            for (MapCoverage c : g.coverage()) {
                maps++;
                typed += c.typed() ? 1 : 0;
                if (!c.typed()) {
                    System.out.println("codegen: not typed from BTF: " + object + " map " + c);
                }
            }
        }
        System.out.printf("codegen: %d objects, %d record files compiled, %d of %d maps typed%n", objects.size(),
                files, typed, maps);
        assertThat(files).isGreaterThan(20);
        assertThat(maps).isGreaterThan(30);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            type,     flow_key,        FlowKey
            type,     __sk_buff,       SkBuff
            type,     string,          StringType
            member,   first_error,     firstError
            member,   class,           class_
            member,   __pad,           pad
            constant, my_u32_elem_map, MY_U32_ELEM_MAP
            """)
    void javaNamesAreValidAndReadable(String kind, String c, String java) {
        String name = switch (kind) {
            case "type" -> JavaNames.type(c);
            case "member" -> JavaNames.member(c);
            case "constant" -> JavaNames.constant(c);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(name).isEqualTo(java);
    }

    private static String content(GeneratedSources g, String file) {
        List<GeneratedFile> all = new ArrayList<>(g.records());
        all.addAll(g.skeletons());
        return all.stream().filter(f -> f.path().endsWith("/" + file)).findFirst().orElseThrow().content();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CodeGeneratorTest.class.getResourceAsStream("/" + GOLDEN + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + GOLDEN + name + "; create the golden files with"
                        + " -Dcodegen.updateGolden=true and review them");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
