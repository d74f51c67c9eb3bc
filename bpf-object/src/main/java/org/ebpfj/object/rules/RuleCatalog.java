package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rule the checker knows, in the order they apply: libbpf's refusals and adjustments, the kernel's checks in
 * kernel order, then advice about created maps. The site's rule reference is generated from this list.
 */
public final class RuleCatalog {
    private static final List<RuleInfo> ALL = build();

    private RuleCatalog() {
    }

    public static List<RuleInfo> all() {
        return ALL;
    }

    public static Optional<RuleInfo> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<RuleInfo> build() {
        List<RuleInfo> all = new ArrayList<>(LoaderRules.all());
        for (KernelRule r : KernelRules.ordered()) {
            all.add(r.info());
        }
        all.addAll(AdviceRules.all());
        return List.copyOf(all);
    }
}
