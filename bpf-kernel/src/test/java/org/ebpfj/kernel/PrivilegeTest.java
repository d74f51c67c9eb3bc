package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link PrivilegeProbe} in a child JVM whose capabilities are all dropped ({@code setpriv}: empty bounding
 * and inheritable sets, so even root gets no capabilities at exec) and checks that the library says which
 * capabilities are missing instead of a bare EPERM.
 */
@ExtendWith(RequireBpf.class)
class PrivilegeTest {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @Test
    void withoutCapabilitiesTheReasonNamesCapBpfAndCapSysAdmin() throws Exception {
        assertThat(SETPRIV).as("setpriv (util-linux) is needed to drop capabilities").isExecutable();
        Map<String, String> out = runWithoutCapabilities();
        assertThat(out.get("capEff")).isEqualTo("0");
        assertThat(out.get("canUseBpf")).isEqualTo("false");
        assertThat(out.get("errno")).isEqualTo("1");
        assertThat(out.get("missing")).contains("CAP_BPF").contains("CAP_SYS_ADMIN");
        assertThat(out.get("reason")).contains("EPERM").contains("neither CAP_BPF nor CAP_SYS_ADMIN");
        if (Kernel.unprivilegedBpfDisabled() > 0) {
            assertThat(out.get("reason")).contains("kernel.unprivileged_bpf_disabled=");
        }
        assertThat(out.get("load")).startsWith("PermissionException").contains("CAP_BPF");
        assertThat(out.get("loadMessage")).contains("neither CAP_BPF nor CAP_SYS_ADMIN");
        assertThat(out.get("probe")).isEqualTo("PermissionException");
    }

    private static Map<String, String> runWithoutCapabilities() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--inh-caps=-all",
                "--bounding-set=-all", "--", java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), PrivilegeProbe.class.getName()));
        Path log = Files.createTempFile("privilege-probe", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("child exit; output:%n%s", output).isZero();
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return values;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
