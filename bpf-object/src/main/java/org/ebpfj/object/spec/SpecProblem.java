package org.ebpfj.object.spec;

import java.util.Optional;

import org.ebpfj.object.uapi.Errno;

/**
 * Something the loader (libbpf) would refuse while opening the object, before the kernel sees any map: a legacy
 * {@code maps} section, a definition whose key type and key_size disagree, an unknown definition field.
 * Readers record these instead of failing, so one bad map does not hide the others.
 *
 * @param mapName the map concerned, or "" for the whole object
 * @param code    a stable short id, e.g. {@code legacy-maps-section}; the rule engine prefixes it ({@code libbpf.})
 * @param errno   what libbpf returns for it, when it returns an errno
 */
public record SpecProblem(String mapName, String code, Optional<Errno> errno, String message,
                          SourceLocation location) {
}
