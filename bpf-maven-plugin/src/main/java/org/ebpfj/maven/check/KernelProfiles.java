package org.ebpfj.maven.check;

import java.io.IOException;

import org.ebpfj.object.machine.KernelProfile;

/** The kernel profiles a build can name, as the command-line checker names them. */
public final class KernelProfiles {

    private KernelProfiles() {
    }

    /**
     * {@code default}: the built-in current x86_64 kernel, the same on every build machine (reproducible builds);
     * {@code running}: this machine, read from /proc and /sys.
     *
     * @throws IllegalArgumentException for any other name
     * @throws IOException              when the running machine's files cannot be read
     */
    public static KernelProfile named(String name) throws IOException {
        String n = name == null ? "default" : name.trim();
        switch (n) {
            case "":
            case "default":
                return KernelProfile.defaults();
            case "running":
                return KernelProfile.readRunning();
            default:
                throw new IllegalArgumentException("unknown kernel profile '" + name
                        + "': use 'default' (the built-in current x86_64 kernel) or 'running' (this machine)");
        }
    }
}
