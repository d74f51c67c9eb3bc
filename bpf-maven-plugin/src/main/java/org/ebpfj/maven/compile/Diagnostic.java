package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One message from clang, e.g. {@code foo.bpf.c:12:5: error: use of undeclared identifier 'x'}. Driver messages
 * ({@code clang: error: unknown argument}) have no file.
 */
public record Diagnostic(Optional<Path> file, int line, int column, Kind kind, String message) {

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

    /** The form compilers and IDEs link: {@code path:line:column: error: message}. */
    public String render() {
        String where = file.map(f -> f + ":" + line + (column > 0 ? ":" + column : "")).orElse("clang");
        return where + ": " + kind.label() + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
