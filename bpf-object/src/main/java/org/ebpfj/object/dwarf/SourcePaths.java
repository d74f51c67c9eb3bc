package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins DWARF directory and file names the way debuggers show them. Works on strings, not {@link java.nio.file.Path}:
 * the names come from the build machine, which may not be this one, and must never make a path API throw.
 */
final class SourcePaths {
    private SourcePaths() {
    }

    static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.length() >= 3 && p.charAt(1) == ':' && (p.charAt(2) == '\\'
                || p.charAt(2) == '/');
    }

    /** {@code dir/name}, or {@code name} alone when it is absolute or there is no directory; then normalized. */
    static String join(String dir, String name) {
        if (dir == null || dir.isEmpty() || isAbsolute(name)) {
            return normalize(name);
        }
        return normalize(dir + "/" + name);
    }

    /** Drops empty and "." segments ({@code objects/./x.h} becomes {@code objects/x.h}); keeps "..". */
    static String normalize(String path) {
        if (isNormal(path)) {
            return path; // what compilers write: nothing to drop, and no list of segments to build
        }
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** No empty or "." segment: not empty, no "//", no "/./", no leading "./", no trailing "/" or "/." (but "/"). */
    private static boolean isNormal(String p) {
        int n = p.length();
        if (n == 0 || p.equals(".") || p.startsWith("./") || p.contains("//") || p.contains("/./")) {
            return false;
        }
        if (n == 1) {
            return true; // "/" or a one-character name
        }
        return !p.endsWith("/") && !p.endsWith("/.");
    }
}
