package org.ebpfj.kernel.error;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Turns a failed BPF_MAP_CREATE into its exception: EPERM into a {@link PermissionException} naming the missing
 * capability, every other errno into a {@link MapCreateException} explained by the offline rules
 * ({@link OfflineRules}), the same rules the Maven plugin checks definitions with.
 */
public final class MapCreateErrors {
    private MapCreateErrors() {
    }

    /**
     * A map of an object that libbpf failed to create; the rules see the definition as libbpf sends it.
     *
     * @param reason what refused the map when it was not BPF_MAP_CREATE (a pinned map libbpf cannot reuse), else
     *               {@code ""}: then the offline rules explain the kernel's errno
     */
    public static BpfException of(MapSpec spec, int errno, String reason, String libbpfLog) {
        if (errno == Errnos.EPERM && reason.isEmpty()) {
            return permission(spec);
        }
        if (!reason.isEmpty()) {
            return new MapCreateException(spec, errno, reason, libbpfLog);
        }
        return new MapCreateException(spec, errno, OfflineRules.explainDefinition(spec), libbpfLog);
    }

    /** A map created from a spec with exactly this attribute ({@link org.ebpfj.kernel.map.RawMap#create}). */
    public static BpfException ofAttribute(MapSpec spec, MapCreateAttr attr, int errno) {
        if (errno == Errnos.EPERM) {
            return permission(spec);
        }
        return new MapCreateException(spec, errno, OfflineRules.explainAttribute(spec, attr), "");
    }

    /** The capabilities the kernel checks when creating a map of this type (map_create, this kernel). */
    public static Set<Capability> required(MapType t) {
        EnumSet<Capability> caps = EnumSet.of(Capability.CAP_BPF);
        if (t == MapType.SOCKMAP || t == MapType.SOCKHASH || t == MapType.DEVMAP || t == MapType.DEVMAP_HASH
                || t == MapType.XSKMAP) {
            caps.add(Capability.CAP_NET_ADMIN);
        }
        return caps;
    }

    public static PermissionException permission(MapSpec spec) {
        MapType t = spec.type().orElse(MapType.UNSPEC);
        EnumSet<Capability> missing = PermissionException.missing(required(t));
        Set<Capability> effective = Capability.in(Kernel.effectiveCapabilities());
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
