package org.ebpfj.maven.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.testing.RecordingLog;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.CheckOptions;
import org.ebpfj.object.rules.MapOverrides;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on bpf-object's committed test objects. Their debug info names sources {@code objects/NAME.bpf.c}
 * (relative, as the compile goal's {@code -fdebug-prefix-map} makes them), so a project folder holding
 * {@code objects/NAME.bpf.c} gets absolute paths in the messages.
 */
class CheckServiceTest {

    @TempDir
    Path base;

    private final RecordingLog log = new RecordingLog();
    private Path objects;
    private Path report;

    @BeforeEach
    void project() throws Exception {
        objects = Files.createDirectories(base.resolve("target/classes/bpf"));
        report = base.resolve("target/bpf/maps.json");
        Files.createDirectories(base.resolve("objects"));
    }

    private Path object(String name) throws Exception {
        return Files.write(objects.resolve(name), TestObjects.bytes(name));
    }

    private Path source(String name) throws Exception {
        return Files.writeString(base.resolve("objects").resolve(name), "/* stands in for the source */\n");
    }

    private CheckConfiguration config(CheckOptions options, boolean failOnWarning) {
        return new CheckConfiguration(base, objects, List.of(), List.of(), KernelProfile.defaults(), options,
                failOnWarning, Optional.of(report));
    }

    private static List<String> lines(List<CheckResult.Finding> findings) {
        return findings.stream().map(CheckResult::line).toList();
    }

    private CheckResult check(CheckOptions options) throws Exception {
        return new CheckService(log).check(config(options, false));
    }

    @Test
    void errorsNameTheAbsoluteSourceLineTheMapTheRuleAndTheErrno() throws Exception {
        object("maps_invalid.bpf.o");
        Path src = source("maps_invalid.bpf.c");

        CheckResult result = check(CheckOptions.defaults());

        assertThat(log.at("ERROR")).containsExactly(
                src + ":14: error: [array.key-size] map 'wide_key_array' (ARRAY): key_size is 8, an ARRAY key is"
                        + " the 32-bit index: key_size must be 4 (kernel: EINVAL)",
                src + ":22: error: [hash.key-value-size] map 'huge_hash' (HASH): key_size 4 + value_size 4194304 ="
                        + " 4194308 bytes, but a hash element (48-byte header + key + value) must fit in"
                        + " KMALLOC_MAX_SIZE (4194304 bytes (4 MiB)): key_size + value_size must be at most 4194255"
                        + " (kernel: E2BIG)",
                src + ":39: error: [generic.numa-node] map 'numa_elsewhere' (HASH): numa_node is 1, but the target"
                        + " has 1 NUMA node(s) with online nodes [0]: use an online node or -1 (kernel: EINVAL)");
        assertThat(log.at("WARNING")).singleElement().asString()
                .startsWith(src + ":29: warning: [libbpf.deferred-field] map 'unsized_hash' (HASH): ");
        assertThat(lines(result.errors())).isEqualTo(log.at("ERROR"));
        assertThat(result.errors()).allSatisfy(f -> assertThat(f).isInstanceOf(CheckResult.RuleFinding.class));
        assertThat(((CheckResult.RuleFinding) result.errors().get(0)).violation()).satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("array.key-size");
            assertThat(v.mapName()).isEqualTo("wide_key_array");
            assertThat(v.location()).isEqualTo(new SourceLocation(src.toString(), 14, 0));
            assertThat(v.errno()).hasValue(Errno.EINVAL);
        });
        assertThat(result.objects()).isEqualTo(1);
        assertThat(result.maps()).isEqualTo(4);
        assertThat(result.failure(false)).hasValueSatisfying(f -> assertThat(f).isEqualTo(
                "BPF map check failed: 3 errors in 1 object; the first:\n  " + log.at("ERROR").get(0)));
    }

    @Test
    void sourcesThatAreNotInTheProjectKeepTheirRecordedPath() throws Exception {
        object("maps_invalid.bpf.o");

        check(CheckOptions.defaults());

        assertThat(log.at("ERROR").get(0)).startsWith("objects/maps_invalid.bpf.c:14: error: [array.key-size]");
    }

    @Test
    void validObjectPassesAndItsMapsGoToTheReport() throws Exception {
        object("maps_valid.bpf.o");

        CheckResult result = check(CheckOptions.defaults());

        assertThat(result.errors()).isEmpty();
        assertThat(result.failure(false)).isEmpty();
        String json = Files.readString(report);
        assertThat(json).contains("\"file\": \"target/classes/bpf/maps_valid.bpf.o\"", "\"name\": \"flows\"",
                "\"name\": \"lru_seen\"", "\"upfront_bytes\": ", "\"lru\": {", "\"location\": \"objects/maps_valid.bpf.c:");
        // The LRU capacity finding is logged at its own level, with the map's location.
        assertThat(log.lines()).anyMatch(l -> l.matches("\\[(INFO|WARNING)\\] objects/maps_valid\\.bpf\\.c:\\d+: "
                + "(info|warning): \\[lru\\.capacity\\] map 'lru_seen' \\(LRU_HASH\\): .*"));
        // struct flow_key has 3 bytes of tail padding: as a HASH key and as a QUEUE value (the alignment trap).
        assertThat(log.at("WARNING")).anyMatch(l -> l.startsWith("objects/maps_valid.bpf.c:27: warning:"
                + " [layout.padding] map 'flows' (HASH): key struct flow_key (16 bytes) has 3 bytes of implicit"
                + " padding: 3 bytes of tail padding after 'proto' (offsets 13..15)"));
        assertThat(log.at("INFO")).contains("Checked 15 maps in 1 object: 0 errors, 2 warnings",
                "Wrote target/bpf/maps.json");
    }

    @Test
    void overridesAreAppliedBeforeTheCheck() throws Exception {
        object("maps_invalid.bpf.o");

        check(CheckOptions.defaults().withOverrides(MapOverrides.parse(List.of("unsized_hash.max_entries=0"))));
        assertThat(log.at("ERROR")).anyMatch(l -> l.contains("[hash.max-entries] map 'unsized_hash' (HASH)")
                && l.endsWith("(kernel: EINVAL)"));
        assertThat(log.at("WARNING")).noneMatch(l -> l.contains("unsized_hash"));
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws Exception {
        object("maps_valid.bpf.o");

        CheckResult result = check(CheckOptions.defaults().withMemoryWarningBytes(1024));

        assertThat(result.errors()).isEmpty();
        assertThat(lines(result.warnings())).isNotEmpty().isEqualTo(log.at("WARNING"))
                .allMatch(w -> w.startsWith("objects/maps_valid.bpf.c:"));
        assertThat(lines(result.warnings()))
                .anyMatch(w -> w.contains(": warning: [memory.large] map 'flows' (HASH): "));
        assertThat(result.failure(false)).isEmpty();
        assertThat(result.failure(true)).hasValue("BPF map check failed: " + result.warnings().size()
                + " warnings and failOnWarning is set; the first:\n  " + log.at("WARNING").get(0));
    }

    @Test
    void malformedObjectsAreOneErrorLineEachAndTheOthersAreStillChecked() throws Exception {
        Files.write(objects.resolve("random.o"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        byte[] x86 = TestObjects.bytes("maps_valid.bpf.o");
        x86[18] = 62; // e_machine EM_X86_64
        Files.write(objects.resolve("x86.o"), x86);
        object("maps_valid.bpf.o");

        CheckResult result = check(CheckOptions.defaults());

        assertThat(log.at("ERROR")).containsExactly(
                objects.resolve("random.o") + ": error: not a readable BPF object: not an ELF file (no \\x7fELF"
                        + " magic) (at byte 0)",
                objects.resolve("x86.o") + ": error: not a readable BPF object: x86-64 object, not BPF: compile"
                        + " with clang -target bpf (at byte 18)");
        assertThat(result.objects()).isEqualTo(3);
        assertThat(result.errors()).containsExactly(
                new CheckResult.UnreadableObject(objects.resolve("random.o"), "not a readable BPF object: not an ELF"
                        + " file (no \\x7fELF magic) (at byte 0)"),
                new CheckResult.UnreadableObject(objects.resolve("x86.o"), "not a readable BPF object: x86-64 object,"
                        + " not BPF: compile with clang -target bpf (at byte 18)"));
        assertThat(result.failure(false)).hasValueSatisfying(f -> assertThat(f)
                .startsWith("BPF map check failed: 2 errors in 3 objects; the first:\n  " + objects.resolve("random.o")));
        assertThat(Files.readString(report)).contains("maps_valid.bpf.o").doesNotContain("random.o");
    }

    @Test
    void noObjectsIsNotAnErrorAndRemovesAStaleReport() throws Exception {
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{}");

        CheckResult result = check(CheckOptions.defaults());

        assertThat(result).isEqualTo(CheckResult.nothingChecked());
        assertThat(report).doesNotExist();
        assertThat(log.at("INFO")).contains("No BPF objects in target/classes/bpf [**/*.o], nothing to check");
    }

    @Test
    void anUnchangedReportIsNotRewritten() throws Exception {
        object("maps_valid.bpf.o");
        check(CheckOptions.defaults());
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(report, old);

        check(CheckOptions.defaults());

        assertThat(Files.getLastModifiedTime(report)).isEqualTo(old);
        assertThat(log.at("INFO")).contains("Unchanged: target/bpf/maps.json");
        assertThat(new String(Files.readAllBytes(report), StandardCharsets.UTF_8)).endsWith("}\n");
    }

    @Test
    void targetKernelsGiveOneVerdictPerKernelInTheLogAndTheReport() throws Exception {
        object("maps_invalid.bpf.o");
        Path src = source("maps_invalid.bpf.c");
        CheckConfiguration config = new CheckConfiguration(base, objects, List.of(), List.of(),
                KernelProfile.defaults(), CheckOptions.defaults(), false, Optional.of(report),
                org.ebpfj.object.rules.KernelTargets.parse("6.12,5.10"));

        CheckResult result = new CheckService(log).check(config);

        // huge_hash: value 4194304 is refused by both kernels, by 5.10's older value-only limit.
        assertThat(log.at("ERROR")).contains(src + ":22: error: [hash.value-size-stack] map 'huge_hash' (HASH): "
                + "E2BIG on 5.10: [hash.value-size-stack] value_size 4194304 >= 4193744 (KMALLOC_MAX_SIZE − "
                + "MAX_BPF_STACK − htab_elem): Linux 5.10 reserves a stack-sized key in every element (the limit "
                + "became key_size + value_size in 6.1); E2BIG on 6.12: [hash.key-value-size] key_size 4 + "
                + "value_size 4194304 = 4194308 bytes, but a hash element (48-byte header + key + value) must fit in "
                + "KMALLOC_MAX_SIZE (4194304 bytes (4 MiB)): key_size + value_size must be at most 4194255 "
                + "(kernel: E2BIG)");
        assertThat(result.errors()).hasSize(3);
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Target kernels: [5.10, 6.12] (before 5.11 map "
                + "memory is charged to RLIMIT_MEMLOCK"));
        String json = Files.readString(report).replaceAll("\\s+", "");
        assertThat(json).contains("\"targets\":[{\"kernel\":\"5.10\",\"verdict\":\"E2BIG\","
                + "\"rule\":\"hash.value-size-stack\"");
    }
}
