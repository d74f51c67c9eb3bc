package org.ebpfj.object.spec;

import java.util.Optional;

/**
 * Where something was declared: a source file and line when the object's debug info says so, else the object
 * file alone (line 0). Rendered the way compilers and IDEs expect: {@code path:line}.
 */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation ofObject(String objectFile) {
        return new SourceLocation(objectFile, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    public Optional<Integer> lineNumber() {
        return hasLine() ? Optional.of(line) : Optional.empty();
    }

    @Override
    public String toString() {
        return hasLine() ? file + ":" + line : file;
    }
}
