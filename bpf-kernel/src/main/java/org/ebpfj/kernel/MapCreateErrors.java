package org.ebpfj.kernel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Explains a failed BPF_MAP_CREATE from the errno and the definition, the way a person would after reading the
 * kernel's checks ({@code research/kernel-map-rules.md}: kernel/bpf/syscall.c map_create, hashtab.c, arraymap.c).
 * Only causes the errno and the spec make certain are named; otherwise the reason is left empty.
 */
final class MapCreateErrors {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]*");
    /** KMALLOC_MAX_SIZE (4 MiB on x86_64 with 4 KiB pages) minus sizeof(struct htab_elem) (48). */
    private static final long HASH_KEY_VALUE_LIMIT = 4194304 - 48;
    private static final long PERCPU_VALUE_LIMIT = 32768;

    private MapCreateErrors() {
    }

    static BpfException of(MapSpec spec, int errno, String libbpfLog) {
        if (errno == Errnos.EPERM) {
            return permission(spec);
        }
        return new MapCreateException(spec, errno, reason(spec, errno), libbpfLog);
    }

    static String reason(MapSpec spec, int errno) {
        MapType t = spec.type().orElse(null);
        if (t == null) {
            return errno == Errnos.EINVAL ? "map type " + spec.typeId() + " is unknown to this kernel" : "";
        }
        long k = spec.keySize();
        long v = spec.valueSize();
        long m = spec.maxEntries();
        boolean arrayLike = t == MapType.ARRAY || t == MapType.PERCPU_ARRAY || t == MapType.PROG_ARRAY
                || t == MapType.PERF_EVENT_ARRAY || t == MapType.CGROUP_ARRAY || t == MapType.ARRAY_OF_MAPS;
        switch (errno) {
            case Errnos.EINVAL:
                if (!NAME.matcher(spec.name()).matches() || spec.name().length() > 15) {
                    return "map names are at most 15 characters of [A-Za-z0-9_.] (name '" + spec.name() + "')";
                }
                if (arrayLike && k != 4) {
                    return t + " keys are 32-bit indices: key_size must be 4, not " + k;
                }
                if ((t == MapType.QUEUE || t == MapType.STACK) && k != 0) {
                    return t + " maps have no key: key_size must be 0, not " + k;
                }
                if (t.holdsFileDescriptors() && t != MapType.DEVMAP && t != MapType.DEVMAP_HASH
                        && t != MapType.CPUMAP && v != 4) {
                    return t + " values are file descriptors: value_size must be 4, not " + v;
                }
                if (spec.hasFlag(MapFlag.NO_COMMON_LRU) && !t.isLru()) {
                    return "BPF_F_NO_COMMON_LRU is only valid for LRU maps";
                }
                if (m == 0 && t != MapType.CGROUP_STORAGE && t != MapType.PERCPU_CGROUP_STORAGE
                        && t != MapType.SK_STORAGE && t != MapType.INODE_STORAGE && t != MapType.TASK_STORAGE
                        && t != MapType.CGRP_STORAGE) {
                    return "max_entries must not be 0";
                }
                if (t.isHash() && (k == 0 || v == 0)) {
                    return "key_size and value_size must not be 0 for " + t;
                }
                if (arrayLike && v == 0) {
                    return "value_size must not be 0";
                }
                return "";
            case Errnos.ENOTSUPP:
                if (t.isLru() && spec.hasFlag(MapFlag.NO_PREALLOC)) {
                    return "LRU maps are always preallocated: BPF_F_NO_PREALLOC is not supported";
                }
                return "the kernel does not support this combination (ENOTSUPP)";
            case Errnos.E2BIG:
                if (t.isHash() && k + v >= HASH_KEY_VALUE_LIMIT) {
                    return "key_size + value_size = " + (k + v) + " must stay below " + HASH_KEY_VALUE_LIMIT
                            + " (KMALLOC_MAX_SIZE - sizeof(struct htab_elem))";
                }
                if (t.isPerCpu() && RawMap.roundUp8(v) > PERCPU_VALUE_LIMIT) {
                    return "per-CPU values are at most " + PERCPU_VALUE_LIMIT + " bytes (value_size " + v + ")";
                }
                return "max_entries " + m + " or the value size exceeds what " + t + " allows";
            case 12: // ENOMEM
                return "the kernel could not allocate max_entries " + m + " x value_size " + v;
            default:
                return "";
        }
    }

    /** The capabilities the kernel checks when creating a map of this type (map_create, this kernel). */
    static Set<Capability> required(MapType t) {
        EnumSet<Capability> caps = EnumSet.of(Capability.CAP_BPF);
        if (t == MapType.SOCKMAP || t == MapType.SOCKHASH || t == MapType.DEVMAP || t == MapType.DEVMAP_HASH
                || t == MapType.XSKMAP) {
            caps.add(Capability.CAP_NET_ADMIN);
        }
        return caps;
    }

    static PermissionException permission(MapSpec spec) {
        Set<Capability> effective = Capability.in(Kernel.effectiveCapabilities());
        MapType t = spec.type().orElse(MapType.UNSPEC);
        EnumSet<Capability> missing = EnumSet.noneOf(Capability.class);
        if (!effective.contains(Capability.CAP_SYS_ADMIN)) {
            for (Capability c : required(t)) {
                if (!effective.contains(c)) {
                    missing.add(c);
                }
            }
            if (missing.contains(Capability.CAP_BPF)) {
                missing.add(Capability.CAP_SYS_ADMIN);
            }
        }
        if (spec.hasFlag(MapFlag.ZERO_SEED) && !effective.contains(Capability.CAP_SYS_ADMIN)) {
            missing.add(Capability.CAP_SYS_ADMIN);
        }
        String reason;
        if (missing.isEmpty()) {
            reason = "the process has the capabilities this map type needs (" + effective
                    + "), so a security module (LSM) or seccomp refused it";
        } else if (missing.contains(Capability.CAP_BPF)) {
            reason = "creating " + t + " maps needs CAP_BPF (or CAP_SYS_ADMIN)"
                    + (missing.contains(Capability.CAP_NET_ADMIN) ? " and CAP_NET_ADMIN" : "")
                    + "; the process has " + (effective.isEmpty() ? "none of the BPF capabilities" : effective);
        } else {
            reason = "creating " + t + " maps needs " + missing + "; the process has " + effective;
        }
        return new PermissionException("map '" + spec.name() + "' (" + spec.typeName() + ")", "creating",
                Errnos.EPERM, missing, Optional.empty(), reason);
    }
}
