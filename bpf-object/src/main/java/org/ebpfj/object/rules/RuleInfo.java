package org.ebpfj.object.rules;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * The documentation of one rule: what the catalog and the site's rule reference show.
 *
 * @param id             stable id, e.g. {@code array.key-size}; Maven messages print it in brackets
 * @param errno          what the kernel (or libbpf) returns when the rule fires; empty for warnings and notes
 * @param kernelFunction the kernel or libbpf function whose check this mirrors
 * @param summary        one line for the docs
 * @param types          map types the rule applies to; empty means every type
 */
public record RuleInfo(
        String id,
        Severity severity,
        Optional<Errno> errno,
        String kernelFunction,
        String summary,
        Set<MapType> types,
        Stage stage) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(kernelFunction, "kernelFunction");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stage, "stage");
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    public boolean appliesToEveryType() {
        return types.isEmpty();
    }

    public boolean appliesTo(long typeId) {
        return types.isEmpty() || MapType.byId(typeId).map(types::contains).orElse(false);
    }
}
