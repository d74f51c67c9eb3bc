package org.ebpfj.object.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapType;

/** Findings about a map the kernel does create: how it will behave and what it costs. */
public final class AdviceRules {

    public static final RuleInfo LRU_CAPACITY = new RuleInfo("lru.capacity", Severity.WARNING, Optional.empty(),
            "bpf_lru_list_pop_free_to_local", "LRU maps evict in batches before they are full: the usable capacity "
                    + "is below max_entries (a warning when under 90%, a note otherwise)", HashRules.LRU, Stage.ADVICE);

    public static final RuleInfo PERF_EVENT_ARRAY_CPUS = new RuleInfo("perf-event-array.max-entries",
            Severity.WARNING, Optional.empty(), "bpf_perf_event_output", "a PERF_EVENT_ARRAY with fewer slots than "
                    + "possible CPUs makes bpf_perf_event_output(BPF_F_CURRENT_CPU) fail with E2BIG on the other CPUs",
            EnumSet.of(MapType.PERF_EVENT_ARRAY), Stage.ADVICE);

    public static final RuleInfo MEMORY_LARGE = new RuleInfo("memory.large", Severity.WARNING, Optional.empty(),
            "bpf_map_area_alloc", "the map's memory is above the configured threshold (default 256 MiB), or above "
                    + "the target's RAM once full", Set.of(), Stage.ADVICE);

    public static final RuleInfo LAYOUT_PADDING = new RuleInfo("layout.padding", Severity.WARNING, Optional.empty(),
            "-", "a key or value struct has implicit padding: user space must reproduce it byte for byte, and a key's "
                    + "padding must be zeroed or lookups miss", Set.of(), Stage.ADVICE);

    public static final RuleInfo LAYOUT_HOST_ALIGNMENT = new RuleInfo("layout.host-alignment", Severity.WARNING,
            Optional.empty(), "-", "a key or value struct has an 8-byte member that a 32-bit host (4-byte alignment "
                    + "of 64-bit integers) would place at another offset", Set.of(), Stage.ADVICE);

    private AdviceRules() {
    }

    public static List<RuleInfo> all() {
        return List.of(LRU_CAPACITY, PERF_EVENT_ARRAY_CPUS, MEMORY_LARGE, LAYOUT_PADDING, LAYOUT_HOST_ALIGNMENT);
    }
}
