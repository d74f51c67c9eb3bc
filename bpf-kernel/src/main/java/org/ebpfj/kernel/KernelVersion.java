package org.ebpfj.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release as {@code major.minor.patch}, parsed from strings like {@code 6.18.44-fc-v782}. */
public record KernelVersion(int major, int minor, int patch, String release) implements Comparable<KernelVersion> {
    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static KernelVersion parse(String release) {
        Matcher m = NUMBERS.matcher(release.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("not a kernel release: '" + release + "'");
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), release.trim());
    }

    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
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
        return release;
    }
}
