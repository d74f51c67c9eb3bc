package org.ebpfj.kernel;

import org.ebpfj.kernel.ffi.Libc;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.Errno;

/**
 * BPF_MAP_CREATE failed. The message names the map, the errno and the definition the kernel saw, plus the likely
 * cause when the errno and the spec make it clear (e.g. an ARRAY key that is not 4 bytes).
 */
public final class MapCreateException extends MapException {
    private final MapSpec spec;
    private final String reason;

    public MapCreateException(MapSpec spec, int errno, String reason, String libbpfLog) {
        super(spec.name(), message(spec, errno, reason, libbpfLog), errno);
        this.spec = spec;
        this.reason = reason;
    }

    private static String message(MapSpec spec, int errno, String reason, String log) {
        StringBuilder sb = new StringBuilder();
        sb.append("cannot create map '").append(spec.name()).append("': ").append(Errno.nameOf(errno))
                .append(" (").append(Libc.strerror(errno)).append(")");
        if (!reason.isEmpty()) {
            sb.append(": ").append(reason);
        }
        sb.append("\n  definition: ").append(spec);
        if (!log.isBlank()) {
            sb.append("\n  libbpf: ").append(log.strip().replace("\n", "\n  libbpf: "));
        }
        return sb.toString();
    }

    /** The definition as the kernel was asked to create it. */
    public MapSpec spec() {
        return spec;
    }

    /** The likely cause in words, "" when unknown. */
    public String reason() {
        return reason;
    }
}
