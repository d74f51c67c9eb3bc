package org.ebpfj.object.rules;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.uapi.MapType;

/** Renders the site's rule reference ({@code src/site/markdown/rules.md}) from the {@link RuleCatalog}. */
public final class RulesPage {
    private RulesPage() {
    }

    public static String render() {
        return render(RuleCatalog.all(), KernelProfile.defaults());
    }

    static String render(List<RuleInfo> rules, KernelProfile p) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- Generated from org.ebpfj.object.rules.RuleCatalog by RulesPageTest. Do not edit: change the "
                + "rules, then run ./mvnw -pl bpf-object test -Dtest=RulesPageTest -Dupdate.docs=true -->\n\n");
        sb.append("# Map rules\n\n");
        sb.append("The checker predicts what `BPF_MAP_CREATE` answers for every map of a BPF object, without a "
                + "kernel. This page lists every rule it applies, in the order they apply.\n\n");
        sb.append("## How the rules apply\n\n");
        sb.append("* **Order.** A libbpf-based loader first refuses or adjusts the definition (the `libbpf.*` "
                + "rules). Then the kernel checks the attribute in the order of `map_create()` in "
                + "`kernel/bpf/syscall.c`: generic checks, the map type's `map_alloc_check`, token and "
                + "capabilities, the type's `map_alloc` (its own parameter checks, then the allocations), the map "
                + "name, and BTF. The kernel returns the errno of the **first** check that fails, so the checker "
                + "reports that one as the error: fixing it may reveal the next.\n");
        sb.append("* **Profiles.** Limits come from a kernel profile, not from constants: page size, "
                + "`KMALLOC_MAX_SIZE` (page size × 2^`MAX_PAGE_ORDER`), possible CPUs, `NR_CPUS`, NUMA nodes, "
                + "`kernel.perf_event_max_stack`, total RAM, the kernel version (which map types and flags exist) "
                + "and kernel struct sizes. The numbers quoted below are those of the default profile, Linux "
                + p.version() + " on x86_64 with " + p.pageSize() + "-byte pages (`KMALLOC_MAX_SIZE` = "
                + p.kmallocMaxSize() + ", " + p.possibleCpus() + " possible CPUs, `NR_CPUS` = " + p.nrCpus()
                + "). A profile can also be read from a machine's `/proc` and `/sys`.\n");
        sb.append("* **Privileges.** Predictions assume a loader with every capability (root): no `EPERM` from "
                + "capability checks, and array sizes are not rounded up for Spectre mitigation. "
                + "`BPF_F_TOKEN_FD` and `BPF_F_VTYPE_BTF_OBJ_FD` are left to the loader.\n");
        sb.append("* **Fields left to user space.** When an object leaves `max_entries`, `key_size`, `value_size`, "
                + "`type` or `map_flags` for user space to set before load, the checker warns "
                + "(`libbpf.deferred-field`, a warning rather than a made-up errno) and skips the checks that "
                + "need the value. Give the value with a map override (`MAP.FIELD=VALUE`) to check it.\n");
        sb.append("* **BTF.** libbpf strips BTF for the types the kernel takes none from. When the kernel rejects "
                + "the remaining BTF, libbpf retries without it; the checker then warns (`libbpf.btf-retry`), "
                + "because the failure moves to the verifier.\n\n");
        sb.append("Severity: errors are what the kernel or libbpf refuses (with the errno the loader reports); "
                + "warnings and notes describe maps that load.\n");
        Stage current = null;
        for (RuleInfo r : rules) {
            if (r.stage() != current) {
                current = r.stage();
                sb.append("\n## ").append(heading(current)).append("\n\n");
                sb.append("| rule | map types | result | function | what it checks |\n");
                sb.append("|---|---|---|---|---|\n");
            }
            sb.append("| `").append(r.id()).append("` | ").append(types(r)).append(" | ").append(result(r))
                    .append(" | `").append(r.kernelFunction()).append("` | ").append(escape(r.summary()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String heading(Stage s) {
        switch (s) {
            case LOADER:
                return "libbpf, before the kernel";
            case GENERIC:
                return "Kernel: generic checks (map_create)";
            case ALLOC_CHECK:
                return "Kernel: the type's map_alloc_check";
            case PERMISSION:
                return "Kernel: token and capabilities";
            case ALLOC:
                return "Kernel: the type's map_alloc";
            case MEMORY:
                return "Kernel: allocations";
            case NAME:
                return "Kernel: map name";
            case BTF:
                return "Kernel: BTF (map_check_btf)";
            default:
                return "Advice about created maps";
        }
    }

    private static String types(RuleInfo r) {
        if (r.appliesToEveryType()) {
            return "all";
        }
        return r.types().stream().sorted(Comparator.comparingInt(MapType::id)).map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static String result(RuleInfo r) {
        return r.errno().map(e -> e == org.ebpfj.object.uapi.Errno.ENOTSUPP ? "ENOTSUPP (524)" : e.name())
                .orElse(r.severity().label());
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
