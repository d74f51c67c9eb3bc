package org.ebpfj.object.rules;

import java.util.Optional;

import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.Errno;

/**
 * One finding about one map: which rule, how bad, what the kernel would answer, and where the map is declared.
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

    /**
     * The one-line form used by the CLI and the Maven plugin:
     * {@code file:line: error: [rule-id] map 'NAME' (TYPE): message (kernel: EINVAL)}; findings about the whole
     * object leave out the map part.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(severity.label()).append(": [").append(ruleId).append("] ");
        if (!mapName.isEmpty()) {
            // Object-level findings (a legacy maps section) concern no single map.
            sb.append("map '").append(mapName).append("' (").append(mapType).append("): ");
        }
        sb.append(message);
        errno.ifPresent(e -> sb.append(" (kernel: ").append(e.name()).append(')'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
