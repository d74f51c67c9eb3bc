package org.ebpfj.object.spec;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where something was declared: a source file and line when the object's debug info says so, else the object
 * file alone (line 0). Rendered the way compilers and IDEs expect: {@code path:line}.
 *
 * <p>A value like a record (equal when file, line and column are). A location the reader takes from DWARF is
 * resolved on first use ({@link #file()}, {@link #line()}, {@link #toString()}, ...), once: most maps are never
 * shown, and a check should not pay for walking debug info nobody reads.
 */
public final class SourceLocation {
    private final String file;
    private final int line;
    private final int column;
    /** Where a deferred location comes from; null for a known one. */
    private final Supplier<SourceLocation> source;
    private volatile SourceLocation resolved;

    public SourceLocation(String file, int line, int column) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.source = null;
    }

    private SourceLocation(Supplier<SourceLocation> source) {
        this.file = null;
        this.line = 0;
        this.column = 0;
        this.source = source;
    }

    public static SourceLocation ofObject(String objectFile) {
        return new SourceLocation(objectFile, 0, 0);
    }

    /** A location found when first asked for ({@code source} is called at most once per location, and may block). */
    static SourceLocation deferred(Supplier<SourceLocation> source) {
        return new SourceLocation(Objects.requireNonNull(source, "source"));
    }

    private SourceLocation known() {
        if (source == null) {
            return this;
        }
        SourceLocation r = resolved;
        if (r == null) {
            r = source.get().known();
            resolved = r;
        }
        return r;
    }

    public String file() {
        return known().file;
    }

    public int line() {
        return known().line;
    }

    public int column() {
        return known().column;
    }

    public boolean hasLine() {
        return line() > 0;
    }

    public Optional<Integer> lineNumber() {
        return hasLine() ? Optional.of(line()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SourceLocation)) {
            return false;
        }
        SourceLocation a = known();
        SourceLocation b = ((SourceLocation) o).known();
        return a.line == b.line && a.column == b.column && Objects.equals(a.file, b.file);
    }

    @Override
    public int hashCode() {
        SourceLocation k = known();
        return (Objects.hashCode(k.file) * 31 + k.line) * 31 + k.column;
    }

    @Override
    public String toString() {
        SourceLocation k = known();
        return k.line > 0 ? k.file + ":" + k.line : k.file;
    }
}
