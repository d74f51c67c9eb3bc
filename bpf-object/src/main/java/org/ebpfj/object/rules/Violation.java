package org.ebpfj.object.rules;

import java.util.Optional;

import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.Errno;

/**
 * One finding about one map: which rule, how bad, what the kernel would answer, and where the map is declared.
 * Plain values until a user sees them: the CLI and the Maven plugin render them
 * ({@link org.ebpfj.object.report.FindingLine}), the maps report writes them as JSON.
 *
 * @param errno          the errno BPF_MAP_CREATE (or the loader) would return; empty for warnings and notes
 * @param kernelFunction the kernel (or libbpf) function whose check this mirrors, e.g. {@code array_map_alloc_check}
 */
public record Violation(
        String ruleId,
        Severity severity,
        Optional<Errno> errno,
        String mapName,
        String mapType,
        SourceLocation location,
        String message,
        String kernelFunction) {
}
