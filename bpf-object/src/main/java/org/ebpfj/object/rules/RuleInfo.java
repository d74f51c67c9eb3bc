package org.ebpfj.object.rules;

import java.util.Collections;
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
        requireText(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(errno, "errno");
        requireText(kernelFunction, "kernelFunction");
        requireText(summary, "summary");
        Objects.requireNonNull(stage, "stage");
        // In the enum's order, as KernelRule keeps them: Set.copyOf would iterate in an order that changes between
        // JVM runs.
        types = types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /** The rules page and every finding show these: a blank one is a rule without a name or an explanation. */
    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException("a rule's " + what + " is blank");
        }
    }

    public boolean appliesToEveryType() {
        return types.isEmpty();
    }

    public boolean appliesTo(long typeId) {
        return types.isEmpty() || MapType.byId(typeId).map(types::contains).orElse(false);
    }
}
