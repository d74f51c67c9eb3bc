package org.ebpfj.object.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line checker, run in-process the way a shell runs it: arguments, stdin, stdout, exit status. */
class MainTest {
    private static final Path OBJECTS = objects();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path objects() {
        try {
            return Paths.get(MainTest.class.getResource("/objects/maps_valid.bpf.o").toURI()).getParent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void predictAnswersEachLineInOrder() {
        String input = "ARRAY 8 4 10 0\n"
                + "HASH 4 4194251 1 0\n"
                + "HASH 4 4194252 1 0\n"
                + "LRU_HASH 4 4 10 0x1\n"
                + "RINGBUF 0 0 4096 0\n"
                + "BLOOM_FILTER 0 8 100 0 16\n"
                + "QUEUE 0 8 10 NO_PREALLOC\n";

        int status = run(input, "predict");

        assertThat(status).isZero();
        assertThat(stdout().lines()).containsExactly("EINVAL", "OK", "E2BIG", "ENOTSUPP", "OK", "EINVAL", "EINVAL");
    }

    @Test
    void predictMarksUnparsableLinesAndExitsWithTwo() {
        int status = run("FOO 1 2 3 4\nHASH 4 4 1 0\n", "predict");

        assertThat(status).isEqualTo(2);
        assertThat(stdout().lines()).hasSize(2);
        assertThat(stdout().lines().findFirst().orElseThrow()).startsWith("INVALID");
        assertThat(stdout().lines().skip(1)).containsExactly("OK");
        assertThat(stderr()).contains("line 1");
    }

    @Test
    void checkPrintsCompilerStyleFindingsAndExitsWithOneOnErrors() {
        int status = run("", "check", OBJECTS.resolve("maps_invalid.bpf.o").toString());

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).contains("maps_invalid.bpf.c:14: error: [array.key-size] map 'wide_key_array' (ARRAY): "
                + "key_size is 8")
                .contains("(kernel: EINVAL)")
                .contains("error: [hash.key-value-size] map 'huge_hash' (HASH)")
                .contains("(kernel: E2BIG)");
        assertThat(stderr()).contains("1 object(s) checked").contains("error(s)");
    }

    @Test
    void checkOfAValidObjectExitsWithZero() {
        int status = run("", "check", OBJECTS.resolve("maps_valid.bpf.o").toString());

        assertThat(status).isZero();
        assertThat(stdout()).doesNotContain(": error:");
    }

    @Test
    void aValueGivenForADeferredFieldIsChecked() {
        String file = OBJECTS.resolve("maps_invalid.bpf.o").toString();

        run("", "check", file);
        assertThat(stdout()).contains("[libbpf.deferred-field] map 'unsized_hash'");

        out.reset();
        run("", "check", "--set", "unsized_hash.max_entries=0", file);
        assertThat(stdout()).contains("map 'unsized_hash' (HASH)").contains("(kernel: EINVAL)")
                .doesNotContain("[libbpf.deferred-field] map 'unsized_hash'");
    }

    @Test
    void mapsPrintsJsonWithTheKernelFieldNames() {
        int status = run("", "maps", OBJECTS.resolve("maps_valid.bpf.o").toString());

        assertThat(status).isZero();
        assertThat(stdout()).startsWith("{").contains("\"name\": \"flows\"").contains("\"type\": \"HASH\"")
                .contains("\"key_size\"").contains("\"value_size\"").contains("\"max_entries\"")
                .contains("\"map_flags\"").contains("\"memory\"");
    }

    @Test
    void aFileThatIsNotABpfObjectIsAnErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.o"), "hello, not an ELF file");

        int status = run("", "check", text.toString(), OBJECTS.resolve("maps_valid.bpf.o").toString());

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).contains("notes.o: error: not a readable BPF object").doesNotContain("Exception");
    }

    @Test
    void aMissingFileAndAnUnknownCommandAreReportedPlainly() {
        assertThat(run("", "check", "/nonexistent/x.o")).isEqualTo(1);
        assertThat(stderr()).contains("/nonexistent/x.o: error: no such file");

        err.reset();
        assertThat(run("", "frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    void predictAnswersPerTargetKernel() {
        int status = run("HASH 513 8 16 0\nARENA 0 0 1 MMAPABLE\n", "predict", "--kernel", "6.12", "--kernel=5.10,6.1");

        assertThat(status).isZero();
        assertThat(stdout().lines()).containsExactly("5.10=E2BIG 6.1=OK 6.12=OK", "5.10=EINVAL 6.1=EINVAL 6.12=OK");
    }

    @Test
    void unknownTargetKernelIsAUsageError() {
        assertThat(run("", "predict", "--kernel", "4.9")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--kernel: Linux 4.9 is older than 5.10");
    }

    @Test
    void mapsCarriesOneVerdictPerTarget() {
        int status = run("", "maps", "--kernel", "5.10,6.12", objects().resolve("maps_valid.bpf.o").toString());

        assertThat(status).isZero();
        String json = stdout().replaceAll("\\s+", "");
        assertThat(json).contains("\"targets\":[{\"kernel\":\"5.10\",\"verdict\":");
        assertThat(json).contains("{\"kernel\":\"6.12\",\"verdict\":\"OK\"}");
        assertThat(json).contains("\"targets_summary\":\"OK");
    }
}
