package org.ebpfj.object.dwarf;

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
        if (dir == null || dir.isEmpty() || dir.equals(".") || isAbsolute(name)) {
            return normalize(name); // "./name" normalizes to what "name" does
        }
        return normalize(dir + "/" + name);
    }

    /** Drops empty and "." segments ({@code objects/./x.h} becomes {@code objects/x.h}); keeps "..". */
    static String normalize(String path) {
        if (isNormal(path)) {
            return path; // what compilers write: nothing to drop, and no list of segments to build
        }
        // One pass over the segments, keeping the non-empty ones other than ".", joined by "/".
        StringBuilder out = new StringBuilder(path.length());
        if (path.startsWith("/")) {
            out.append('/');
        }
        int base = out.length();
        int n = path.length();
        for (int i = 0; i <= n; ) {
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = n;
            }
            if (end > i && !(end == i + 1 && path.charAt(i) == '.')) {
                if (out.length() > base) {
                    out.append('/');
                }
                out.append(path, i, end);
            }
            i = end + 1;
        }
        return out.length() == 0 ? "." : out.toString();
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
