package org.ebpfj.object.rules;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;

/**
 * Everything the checker knows about one map definition, for reports (maps.json, the site): the spec as checked
 * (user-space overrides applied), what libbpf sends, the kernel's predicted answer, the findings, and the map's
 * cost and capacity when it is created.
 *
 * @param attr       the attribute libbpf sends; empty when the map type itself is left to user space
 * @param prediction the kernel's answer to {@code attr}; empty when there is no attr
 * @param memory     empty when the sizes are not known or the map is not created
 * @param lru        for LRU maps that are created
 */
public record MapReport(
        MapSpec spec,
        Optional<MapCreateAttr> attr,
        Optional<Prediction> prediction,
        List<Violation> violations,
        Optional<MemoryEstimate> memory,
        Optional<LruCapacity> lru) {

    public MapReport {
        violations = List.copyOf(violations);
    }

    /** No error: libbpf and the kernel create the map (warnings may remain). */
    public boolean creatable() {
        for (Violation v : violations) {
            if (v.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }
}
