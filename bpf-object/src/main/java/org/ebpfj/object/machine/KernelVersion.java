package org.ebpfj.object.machine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel release as {@code major.minor.patch}; the rest of a release string ({@code -fc-v782}, {@code -generic})
 * is ignored. Decides which map types and flags a kernel knows.
 */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {

    private static final Pattern RELEASE = Pattern.compile("^\\s*(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?");

    public KernelVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component: " + major + "." + minor + "." + patch);
        }
    }

    /** Written out: profiles key caches by version, and this is asked on every map checked. */
    @Override
    public int hashCode() {
        return (major * 31 + minor) * 31 + patch;
    }

    public static KernelVersion of(int major, int minor) {
        return new KernelVersion(major, minor, 0);
    }

    /** Parses {@code 6.18}, {@code 6.18.44} or a full release such as {@code 6.18.44-fc-v782}. */
    public static Optional<KernelVersion> tryParse(String release) {
        if (release == null) {
            return Optional.empty();
        }
        Matcher m = RELEASE.matcher(release);
        if (!m.find()) {
            return Optional.empty();
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    /** Like {@link #tryParse} but for trusted input (tests, constants): throws on a malformed string. */
    public static KernelVersion parse(String release) {
        return tryParse(release).orElseThrow(() -> new IllegalArgumentException("not a kernel release: " + release));
    }

    public boolean atLeast(int major, int minor) {
        return compareTo(of(major, minor)) >= 0;
    }

    public boolean atLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch != 0 ? "." + patch : "");
    }
}
