package org.ebpfj.maven.toolchain;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oldest clang the plugin accepts, and how to read a major version out of {@code clang --version}.
 *
 * <p>14 is the default clang of Debian 12 and Ubuntu 22.04, the oldest one users commonly have; it is the first
 * with the BTF tag attributes ({@code btf_type_tag}, {@code btf_decl_tag}) that current kernel headers and
 * {@code vmlinux.h} files use, and with {@code -mcpu=v3} it builds every source of this project. Older clangs are
 * not tested and are refused with a message rather than left to fail on some source later.
 */
public final class ClangVersionFloor {

    public static final int MINIMUM_MAJOR = 14;

    /** {@code clang version 20.1.7}, {@code Debian clang version 14.0.6}, {@code Apple clang version 15.0.0}. */
    private static final Pattern VERSION = Pattern.compile("clang version (\\d+)\\.");

    private ClangVersionFloor() {
    }

    public static OptionalInt major(String versionLine) {
        Matcher m = VERSION.matcher(versionLine == null ? "" : versionLine);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Empty when acceptable; otherwise why not, naming the minimum. */
    public static java.util.Optional<String> problem(String versionLine) {
        OptionalInt major = major(versionLine);
        if (major.isPresent() && major.getAsInt() < MINIMUM_MAJOR) {
            return java.util.Optional.of("clang " + major.getAsInt() + " is older than the minimum, clang "
                    + MINIMUM_MAJOR);
        }
        return java.util.Optional.empty();
    }
}
