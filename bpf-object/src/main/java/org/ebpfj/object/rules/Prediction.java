package org.ebpfj.object.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;

/**
 * What BPF_MAP_CREATE answers for one attribute: success, or the first rule (in kernel order) that fails and its
 * errno. Rules that could not be decided because an input was unknown are listed, so "OK" is never claimed for
 * them silently.
 *
 * @param rule     the failing rule; empty when the kernel creates the map
 * @param message  the failing rule's message, in the user's terms
 * @param inner    true when it is the inner map (of a map of maps) that fails
 * @param skipped  ids of rules not decided because an input they read is unknown
 */
public record Prediction(MapCreateAttr attr, Optional<KernelRule> rule, String message, boolean inner,
                         List<String> skipped) {

    public Prediction {
        Objects.requireNonNull(attr, "attr");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        skipped = List.copyOf(skipped);
    }

    static Prediction created(MapCreateAttr attr, List<String> skipped) {
        return new Prediction(attr, Optional.empty(), "", false, skipped);
    }

    static Prediction failed(MapCreateAttr attr, KernelRule rule, String message, boolean inner,
                             List<String> skipped) {
        return new Prediction(attr, Optional.of(rule), message, inner, skipped);
    }

    public boolean ok() {
        return rule.isEmpty();
    }

    public Optional<Errno> errno() {
        return rule.map(KernelRule::errno);
    }

    public Optional<String> ruleId() {
        return rule.map(KernelRule::id);
    }

    /** {@code OK} or {@code EINVAL [array.key-size] key_size is 8, ...}. */
    @Override
    public String toString() {
        return rule.map(r -> r.errno().name() + " [" + r.id() + "] " + message).orElse("OK");
    }
}
