package org.ebpfj.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ebpfj.kernel.error.MountException;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * Makes sure the filesystems BPF work needs are mounted: bpffs (pinning) at {@code /sys/fs/bpf} and tracefs
 * (tracepoint ids) at {@code /sys/kernel/tracing}. A filesystem already there is left alone; a missing one is
 * mounted when the process may, and a {@link MountException} says why not otherwise.
 */
public final class Mounts {
    public static final Path BPFFS = Path.of("/sys/fs/bpf");
    public static final Path TRACEFS = Path.of("/sys/kernel/tracing");
    /** {@code BPF_FS_MAGIC} and {@code TRACEFS_MAGIC} from include/uapi/linux/magic.h. */
    private static final long BPF_FS_MAGIC = 0xcafe4a11L;
    private static final long TRACEFS_MAGIC = 0x74726163L;

    private Mounts() {
    }

    public static boolean isBpffsMounted() {
        return isMounted(BPFFS, BPF_FS_MAGIC);
    }

    public static boolean isTracefsMounted() {
        return isMounted(TRACEFS, TRACEFS_MAGIC);
    }

    /** @return the bpffs mount point, mounting it if needed */
    public static synchronized Path ensureBpffs() {
        return ensure("bpf", BPFFS, BPF_FS_MAGIC);
    }

    /** @return the tracefs mount point, mounting it if needed */
    public static synchronized Path ensureTracefs() {
        return ensure("tracefs", TRACEFS, TRACEFS_MAGIC);
    }

    private static boolean isMounted(Path path, long magic) {
        long type = Libc.statfsType(Scratch.get().state, path.toString());
        return type >= 0 && (type & 0xffffffffL) == magic;
    }

    private static Path ensure(String fsType, Path path, long magic) {
        if (isMounted(path, magic)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new MountException(fsType, path.toString(), Errnos.ENOENT, path
                    + " does not exist (is sysfs mounted at /sys?)");
        }
        int r = Libc.mount(Scratch.get().state, fsType, path.toString(), fsType, 0);
        if (r < 0) {
            int errno = -r;
            String hint = errno == Errnos.EPERM
                    ? "mounting needs CAP_SYS_ADMIN in the mount namespace; mount it once as root: mount -t " + fsType
                            + " " + fsType + " " + path
                    : errno == 19 ? "the kernel has no " + fsType + " filesystem" : "";
            throw new MountException(fsType, path.toString(), errno, hint);
        }
        if (!isMounted(path, magic)) {
            throw new MountException(fsType, path.toString(), Errnos.EINVAL,
                    "mount succeeded but " + path + " still is not " + fsType);
        }
        return path;
    }
}
