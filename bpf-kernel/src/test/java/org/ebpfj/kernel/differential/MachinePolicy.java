package org.ebpfj.kernel.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * Map types this machine refuses by policy rather than by the upstream kernel's map code. A BPF LSM or a patched
 * kernel build can answer EPERM to every BPF_MAP_CREATE of a type, after the generic checks but before the type's
 * own, even for a creator with every capability; the rules model the kernel's code, not a site's policy, so such a
 * type cannot be compared. It is found the way a user would find it: the type's plainest valid definition, which
 * the rules accept, is refused with EPERM. On the sandbox kernel of 2026-12 (6.18.44-fc-v1272, LSMs
 * lockdown,capability,landlock,bpf) that is ARENA; the build measured before it (v657) created ARENA maps.
 */
final class MachinePolicy {
    private static final Path LSM_LIST = Path.of("/sys/kernel/security/lsm");

    private final Map<MapType, String> refused = new EnumMap<>(MapType.class);

    /** Creates each type's base definition that the rules accept; an EPERM marks the type refused by policy. */
    static MachinePolicy probe(RawMapCreate kernel, MapRuleEngine engine) {
        MachinePolicy policy = new MachinePolicy();
        for (MapType t : MapType.values()) {
            if (t == MapType.UNSPEC) {
                continue;
            }
            MapCreateAttr base = AttrGenerator.base(t);
            if (base.innerMap().isPresent() || engine.predict(base).errno().isPresent()) {
                continue;
            }
            int fd = kernel.create(base, 0);
            if (fd >= 0) {
                kernel.closeFd(fd);
            } else if (-fd == Errno.EPERM.number()) {
                policy.refused.put(t, "the kernel refuses its plainest valid definition (" + base + ") with EPERM "
                        + "although this process has every capability: a policy of this machine" + lsms());
            }
        }
        return policy;
    }

    /** Whether the attribute, or one of its inner maps, is of a type this machine refuses by policy. */
    boolean covers(MapCreateAttr attr) {
        for (Optional<MapCreateAttr> a = Optional.of(attr); a.isPresent(); a = a.get().innerMap()) {
            if (a.get().type().map(refused::containsKey).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    Map<MapType, String> refused() {
        return Map.copyOf(refused);
    }

    private static String lsms() {
        try {
            return Files.isReadable(LSM_LIST) ? " (active LSMs: " + Files.readString(LSM_LIST).trim() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }
}
