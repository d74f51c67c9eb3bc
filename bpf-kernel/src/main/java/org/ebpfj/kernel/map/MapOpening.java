package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.ebpfj.kernel.error.MapCreateErrors;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;

/** The ways to get a map of one's own (a descriptor the handle owns): create one from a spec, open a pin or an id. */
final class MapOpening {
    private MapOpening() {
    }

    /** BPF_MAP_CREATE of a spec, its inner map first for maps of maps (the inner fd is only a template). */
    static RawMap create(MapSpec spec) {
        Objects.requireNonNull(spec, "spec");
        MapCreateAttr attr = MapCommands.attributeOf(spec);
        int inner = -1;
        if (attr.innerMap().isPresent()) {
            MapCreateAttr in = attr.innerMap().get();
            inner = MapCommands.create(in, 0);
            if (inner < 0) {
                throw MapCreateErrors.ofAttribute(spec.innerMap().orElseThrow(), in, -inner);
            }
        }
        try {
            int fd = MapCommands.create(attr, Math.max(inner, 0));
            if (fd < 0) {
                throw MapCreateErrors.ofAttribute(spec, attr, -fd);
            }
            return owned(fd, spec.name(), Optional.of(spec));
        } finally {
            if (inner >= 0) {
                Bpf.close(inner);
            }
        }
    }

    static RawMap openPinned(Path path) {
        int fd = Bpf.obj(BpfCommand.OBJ_GET, path.toString(), 0);
        if (fd < 0) {
            throw new MapOperationException(path.toString(), "BPF_OBJ_GET", -fd,
                    -fd == ENOENT ? "nothing is pinned at " + path : "");
        }
        return owned(fd, path.getFileName().toString(), Optional.empty());
    }

    static RawMap openById(int id) {
        int fd = Bpf.fdById(BpfCommand.MAP_GET_FD_BY_ID, id);
        if (fd < 0) {
            throw new MapOperationException("#" + id, "BPF_MAP_GET_FD_BY_ID", -fd, "");
        }
        return owned(fd, "#" + id, Optional.empty());
    }

    /** A handle that owns {@code fd}; the descriptor is closed again when the handle cannot be made. */
    private static RawMap owned(int fd, String name, Optional<MapSpec> spec) {
        try {
            return new RawMap(fd, MapInfo.ofFd(fd, name), spec, true);
        } catch (RuntimeException e) {
            Bpf.close(fd);
            throw e;
        }
    }
}
