package org.ebpfj.object.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * What a libbpf-based loader does to a map definition before BPF_MAP_CREATE (tools/lib/bpf/libbpf.c): its
 * refusals (reported by the object reader as {@code SpecProblem}s), its adjustments, and its retry without BTF.
 */
public final class LoaderRules {
    /** Every reader-reported problem becomes {@code libbpf.<code>}; the catalog lists them under this entry. */
    public static final RuleInfo SPEC_PROBLEM = info("libbpf.*", Severity.ERROR, Optional.empty(),
            "bpf_object__open", "libbpf refuses the object while opening it (legacy maps section, conflicting "
                    + "key type and key_size, unknown definition field, ...); the id names the problem",
            Set.of());

    public static final RuleInfo DEFERRED_FIELD = info("libbpf.deferred-field", Severity.WARNING, Optional.empty(),
            "bpf_object__create_map", "the object leaves a field (max_entries, key_size, value_size, type, "
                    + "map_flags) for user space to set before load, and the kernel refuses the 0 libbpf would send "
                    + "otherwise; the checks that need it wait for a <mapOverrides> value", Set.of());

    public static final RuleInfo INNER_MAP_MISSING = info("libbpf.inner-map", Severity.WARNING, Optional.empty(),
            "bpf_object__create_map", "a map of maps without an inner map template: user space must call "
                    + "bpf_map__set_inner_map_fd() before load, else the kernel sees fd 0 (EINVAL)",
            MapInMapRules.TYPES);

    public static final RuleInfo PERF_EVENT_ARRAY_SIZE = info("libbpf.perf-event-array-size", Severity.INFO,
            Optional.empty(), "map_set_def_max_entries", "a PERF_EVENT_ARRAY without max_entries gets one slot per "
                    + "possible CPU", EnumSet.of(MapType.PERF_EVENT_ARRAY));

    public static final RuleInfo RINGBUF_SIZE = info("libbpf.ringbuf-size", Severity.INFO, Optional.empty(),
            "adjust_ringbuf_sz", "libbpf rounds a ring buffer's size up to the next power-of-two multiple of the "
                    + "page size (a raw BPF_MAP_CREATE with the declared size would fail)", TypeTables.RINGBUFS);

    public static final RuleInfo MAP_NAME = info("libbpf.map-name", Severity.INFO, Optional.empty(),
            "bpf_map_create", "the kernel keeps only the first 15 characters of a map name (bpftool and "
                    + "/proc show the short name; pinning uses the full one)", Set.of());

    public static final RuleInfo BTF_RETRY = info("libbpf.btf-retry", Severity.WARNING, Optional.empty(),
            "bpf_object__create_map", "the kernel rejects the map's BTF and libbpf retries without it: the map is "
                    + "created, but without BTF, so special fields (locks, timers, kptrs) fail later in the "
                    + "verifier and tools cannot print the map", Set.of());

    public static final RuleInfo UNKNOWN_OVERRIDE = info("overrides.unknown-map", Severity.WARNING,
            Optional.empty(), "-", "a <mapOverrides> entry names a map the object does not define", Set.of());

    private LoaderRules() {
    }

    /** In catalog order: refusals first, then adjustments, then the retry. */
    public static List<RuleInfo> all() {
        return List.of(SPEC_PROBLEM, UNKNOWN_OVERRIDE, DEFERRED_FIELD, INNER_MAP_MISSING, PERF_EVENT_ARRAY_SIZE,
                RINGBUF_SIZE, MAP_NAME, BTF_RETRY);
    }

    static RuleInfo info(String id, Severity severity, Optional<Errno> errno, String function, String summary,
                         Set<MapType> types) {
        return new RuleInfo(id, severity, errno, function, summary, types, Stage.LOADER);
    }
}
