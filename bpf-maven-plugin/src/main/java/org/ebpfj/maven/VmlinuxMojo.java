package org.ebpfj.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ebpfj.maven.vmlinux.VmlinuxConfiguration;
import org.ebpfj.maven.vmlinux.VmlinuxException;
import org.ebpfj.maven.vmlinux.VmlinuxService;

/**
 * Writes {@code vmlinux.h}, every type of the kernel as C, from the kernel's BTF (by default the running kernel's,
 * {@code /sys/kernel/btf/vmlinux}), as {@code bpftool btf dump ... format c} does, in pure Java. It goes to
 * {@code target/generated-sources/vmlinux/}, which the {@code compile} goal adds to the include path, so sources
 * can {@code #include "vmlinux.h"}. The header is rewritten only when the BTF or the options change.
 */
@Mojo(name = "vmlinux", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class VmlinuxMojo extends AbstractBpfMojo {

    /**
     * The BTF to write the header from: raw BTF such as {@code /sys/kernel/btf/vmlinux} or a copy of another
     * kernel's, or a BPF object (its {@code .BTF} section).
     */
    @Parameter(property = "bpf.btfFile", defaultValue = "/sys/kernel/btf/vmlinux")
    private File btfFile;

    /** The folder {@code vmlinux.h} is written to; the same parameter of the {@code compile} goal adds it to the include path. */
    @Parameter(property = "bpf.vmlinuxDirectory", defaultValue = "${project.build.directory}/generated-sources/vmlinux")
    private File vmlinuxDirectory;

    /**
     * Only these types (struct, union, enum or typedef names, e.g. {@code task_struct}, or {@code struct
     * task_struct} to pick one kind) and what they need; by default every type. A smaller header compiles faster.
     */
    @Parameter(property = "bpf.vmlinuxTypes")
    private List<String> vmlinuxTypes;

    /** Skips this goal only. */
    @Parameter(property = "bpf.vmlinux.skip", defaultValue = "false")
    private boolean skipVmlinux;

    @Override
    protected Optional<String> skippedBy() {
        return skipVmlinux ? Optional.of("bpf.vmlinux.skip") : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException {
        VmlinuxConfiguration config = new VmlinuxConfiguration(btfFile.toPath(),
                vmlinuxDirectory.toPath().resolve("vmlinux.h"), orEmpty(vmlinuxTypes),
                pluginNameAndVersion());
        try {
            new VmlinuxService(buildLog()).generate(config);
        } catch (VmlinuxException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("vmlinux.h could not be written: " + e.getMessage(), e);
        }
    }
}
