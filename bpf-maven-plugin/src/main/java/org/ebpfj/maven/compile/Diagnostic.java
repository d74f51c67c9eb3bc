package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One message from clang, e.g. {@code foo.bpf.c:12:5: error: use of undeclared identifier 'x'}. Driver messages
 * ({@code clang: error: unknown argument}) have no file.
 *
 * @param includedFrom for a message inside a header, the include chain clang printed before it ("In file included
 *                     from a.bpf.c:3:", "In file included from common.h:5:"), outermost (the source) first; empty otherwise
 */
public record Diagnostic(Optional<Path> file, int line, int column, Kind kind, String message,
        List<IncludeSite> includedFrom) {

    public enum Kind {
        ERROR("error"), WARNING("warning"), NOTE("note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One {@code #include} line of an include chain. */
    public record IncludeSite(Path file, int line) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line;
        }
    }

    public Diagnostic {
        includedFrom = List.copyOf(includedFrom);
    }

    public Diagnostic(Optional<Path> file, int line, int column, Kind kind, String message) {
        this(file, line, column, kind, message, List.of());
    }

    /** The form compilers and IDEs link: {@code path:line:column: error: message}. */
    public String render() {
        String where = file.map(f -> f + ":" + line + (column > 0 ? ":" + column : "")).orElse("clang");
        return where + ": " + kind.label() + ": " + message;
    }

    /** {@link #render()} plus, for a message inside a header, which includes led there. */
    public String renderWithChain() {
        if (includedFrom.isEmpty()) {
            return render();
        }
        return render() + " (included from " + chain() + ")";
    }

    /** {@code a.bpf.c:3 > common.h:5}: from the source inwards. */
    public String chain() {
        return includedFrom.stream().map(IncludeSite::toString).collect(Collectors.joining(" > "));
    }

    /**
     * The line that names a failing source first: the message itself when it is in {@code source}; for one
     * inside a header, {@code source:<line of its #include>: error: <message> [in header.h:280:3, included from
     * a.bpf.c:3 > common.h:5]}, so a failure in a shared header still says which source it broke and how.
     */
    public String renderFor(Path source) {
        if (file.isEmpty() || file.get().equals(source) || includedFrom.isEmpty()) {
            return render();
        }
        IncludeSite outermost = includedFrom.get(0);
        Path where = outermost.file().equals(source) ? source : outermost.file();
        return where + ":" + outermost.line() + ": " + kind.label() + ": " + message + " [in "
                + file.get().getFileName() + ":" + line + (column > 0 ? ":" + column : "") + ", included from "
                + chain() + "]";
    }

    @Override
    public String toString() {
        return render();
    }
}
