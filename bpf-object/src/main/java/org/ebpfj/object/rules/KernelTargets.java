package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;

/**
 * The kernels a project targets, as a user names them ({@code 5.10,6.1,6.12}): one {@link KernelProfile} per
 * version, each the built-in x86_64 machine with that version, so the verdicts differ only where the kernels do.
 */
public final class KernelTargets {

    /** The oldest release whose map-create rules are modelled; older targets are refused, not guessed. */
    public static final KernelVersion OLDEST = KernelVersion.of(5, 10);

    private KernelTargets() {
    }

    /**
     * Parses a comma- or space-separated list of versions ({@code 5.10}, {@code 6.1.192}, a release such as
     * {@code 6.12.118+deb13-amd64}), sorted oldest first without repeats.
     *
     * @throws IllegalArgumentException naming the bad entry, or a version older than {@link #OLDEST}
     */
    public static List<KernelProfile> parse(String list) {
        TreeSet<KernelVersion> versions = new TreeSet<>();
        for (String item : list.split("[,\\s]+")) {
            if (item.isBlank()) {
                continue;
            }
            KernelVersion v = KernelVersion.tryParse(item).orElseThrow(() -> new IllegalArgumentException(
                    "'" + item + "' is not a kernel version: write MAJOR.MINOR such as 5.10 or 6.12"));
            if (!v.atLeast(OLDEST)) {
                throw new IllegalArgumentException("Linux " + v + " is older than " + OLDEST
                        + ", the oldest kernel whose map-create rules are modelled");
            }
            versions.add(v);
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no kernel version given: write e.g. 5.10,6.1,6.12");
        }
        List<KernelProfile> out = new ArrayList<>();
        for (KernelVersion v : versions) {
            out.add(profile(v));
        }
        return List.copyOf(out);
    }

    /** The built-in x86_64 machine running Linux {@code version}. */
    public static KernelProfile profile(KernelVersion version) {
        return KernelProfile.defaults().toBuilder().version(version)
                .description("Linux " + version + " target (x86_64, built-in machine)").build();
    }
}
