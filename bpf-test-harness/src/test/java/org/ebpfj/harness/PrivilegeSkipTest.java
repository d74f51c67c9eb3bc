package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without privileges, @BpfTest tests are reported as skipped with a reason that names what is missing, and fail
 * with the same reason in strict mode. The fixtures run in a child JVM whose capabilities are all dropped
 * ({@code setpriv}: empty inheritable, bounding and ambient sets, so even root has none after exec).
 */
@ExtendWith(RequireKernelAccess.class) // the parent must be privileged, or dropping privileges shows nothing
class PrivilegeSkipTest {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TestKit.Fixture
    @BpfTest(object = "bpf/kinds.bpf.o")
    static class NeedsBpf {
        @MapRef("flows") org.ebpfj.kernel.map.RawMap flows;

        @Test
        void loadsTheObject() {
        }

        @Test
        @RequiresMapType(MapType.QUEUE)
        void alsoNeedsAQueue(BpfObject object) {
        }
    }

    /** Not strict: skipped; strict (from the environment, as CI sets it): failed, with the same reason. */
    @ParameterizedTest(name = "strict={0}: {1}")
    @CsvSource({"false, SKIPPED, ''",
                "true, FAILED, 'would be skipped, but bpf.test.strict=true turns skips into failures: '"})
    void withoutCapabilitiesTestsAreSkippedOrInStrictModeFailedWithTheMissingCapabilitiesAsTheReason(
            boolean strict, String status, String reasonPrefix) throws Exception {
        Map<String, String[]> tests = runWithoutCapabilities(strict);

        assertThat(tests).containsOnlyKeys("loadsTheObject", "alsoNeedsAQueue");
        for (String[] t : tests.values()) {
            assertThat(t[0]).isEqualTo(status);
            assertThat(t[1])
                    .startsWith(reasonPrefix + "this process cannot use bpf(): BPF_MAP_CREATE failed with EPERM")
                    .contains("neither CAP_BPF nor CAP_SYS_ADMIN").contains("grant CAP_BPF");
        }
    }

    /** @return per test method: status and reason */
    private static Map<String, String[]> runWithoutCapabilities(boolean strict)
            throws IOException, InterruptedException {
        assertThat(SETPRIV).as("setpriv (util-linux) drops the capabilities").isExecutable();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(SETPRIV.toString(), "--inh-caps=-all", "--bounding-set=-all",
                "--ambient-caps=-all", "--", java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ChildEngineRun.class.getName(),
                NeedsBpf.class.getName());
        Path log = Files.createTempFile("harness-privileges", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove(StrictMode.ENVIRONMENT);
            if (strict) {
                pb.environment().put(StrictMode.ENVIRONMENT, "true");
            }
            Process p = pb.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("child exit; output:%n%s", output).isZero();
            assertThat(output).as("the child has no capabilities").contains("capEff=0\n");
            Map<String, String[]> tests = new TreeMap<>();
            for (String line : output.split("\n")) {
                if (line.startsWith("test|")) {
                    String[] f = line.split("\\|", 4);
                    tests.put(f[1], new String[] {f[2], f[3]});
                }
            }
            return tests;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
