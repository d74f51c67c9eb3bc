package org.ebpfj.maven.toolchain;

import java.util.Locale;

/**
 * Which clang a build uses when none is configured by path ({@code <toolchain>}, property {@code bpf.toolchain}).
 *
 * <p>The default is the pinned, embedded clang, the Maven convention for native code generators (protobuf
 * plugins fetch a pinned {@code protoc} the same way): every machine then compiles the same sources into the same
 * objects, whatever compilers happen to be installed. A clang from the PATH is used on request, from
 * {@link ClangVersionFloor#MINIMUM_MAJOR} on.
 */
public enum ClangChoice {
    /** The pinned {@code org.bytedeco:llvm} clang; the PATH only when it cannot be had (platform, offline). */
    EMBEDDED,
    /** {@code clang}, then {@code clang-21} ... {@code clang-14} on the PATH; never a silent substitute. */
    PATH;

    /** The parameter's value that selects this choice: the name in lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ClangChoice parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ClangChoice choice : values()) {
            if (choice.value().equals(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("<toolchain> (property bpf.toolchain) is '" + text
                + "'; use 'embedded' (the pinned clang, default) or 'path' (clang 14+ from the PATH)");
    }
}
