package org.ebpfj.maven.vmlinux;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the {@code vmlinux} goal writes, and from what.
 *
 * @param btfFile   the kernel's BTF: raw BTF (as {@code /sys/kernel/btf/vmlinux}) or a BPF object's {@code .BTF}
 * @param header    the {@code vmlinux.h} to write
 * @param rootTypes the types to write (with everything they need); empty writes every type
 * @param generator names what generates the header (e.g. the plugin and its version): a new generator may write
 *                  other text, so a change regenerates
 */
public record VmlinuxConfiguration(Path btfFile, Path header, List<String> rootTypes, String generator) {

    /** Where a kernel built with {@code CONFIG_DEBUG_INFO_BTF} publishes its types. */
    public static final Path RUNNING_KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");

    public VmlinuxConfiguration {
        Objects.requireNonNull(btfFile, "btfFile");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(generator, "generator");
        // Sorted and without duplicates: the same set written in another order is the same header.
        rootTypes = List.copyOf(new TreeSet<>(rootTypes.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toList())));
    }

    /** The state file recorded beside the header. */
    public Path stampFile() {
        return header.resolveSibling("." + header.getFileName() + ".stamp");
    }
}
