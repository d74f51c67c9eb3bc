package org.ebpfj.vm.guest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * KVM or TCG. KVM only when {@code /dev/kvm} opens, the CPU flags have vmx or svm, and a probe boot works (a
 * {@code /dev/kvm} alone is not enough: a PVM host has one that cannot boot stock kernels). The reason is kept
 * for the log.
 */
public record Accel(String name, String reason) {

    public boolean kvm() {
        return name.equals("kvm");
    }

    /** The static half of the decision: device and CPU flags. The probe boot is {@link Qemu#probeKvm}. */
    public static Accel candidate(Path devKvm, Path cpuinfo) {
        if (Boolean.getBoolean("ebpfj.vm.tcg")) {
            return new Accel("tcg", "TCG forced (-Debpfj.vm.tcg=true)");
        }
        try (RandomAccessFile f = new RandomAccessFile(devKvm.toFile(), "rw")) {
            f.getFD();
        } catch (IOException | SecurityException e) {
            return new Accel("tcg", "TCG: " + devKvm + " cannot be opened (" + e.getMessage() + ")");
        }
        try {
            String flags = Files.readString(cpuinfo);
            if (!flags.matches("(?s).*\\bflags\\s*:.*\\b(vmx|svm)\\b.*")) {
                return new Accel("tcg", "TCG: " + devKvm + " opens but the CPU flags have neither vmx nor svm "
                        + "(e.g. a PVM host, which cannot boot stock kernels)");
            }
        } catch (IOException e) {
            return new Accel("tcg", "TCG: cannot read " + cpuinfo);
        }
        return new Accel("kvm", "KVM: " + devKvm + " opens and the CPU has hardware virtualisation");
    }
}
