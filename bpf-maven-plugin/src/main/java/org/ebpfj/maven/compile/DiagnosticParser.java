package org.ebpfj.maven.compile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads clang's diagnostics out of its output, with the include chain clang prints before a message inside a
 * header (one {@code In file included from a.bpf.c:3:} line per level, outermost first). Other lines (source
 * excerpts, carets, "N errors generated.") are left for the full log.
 */
public final class DiagnosticParser {

    private static final Pattern LOCATED = Pattern.compile(
            "^(.+?):(\\d+)(?::(\\d+))?: (fatal error|error|warning|note): (.*)$");
    private static final Pattern DRIVER = Pattern.compile(
            "^(?:\\S*/)?clang(?:-\\d+)?(?:\\.exe)?: (fatal error|error|warning|note): (.*)$");
    /** A message without a location, e.g. {@code fatal error: error in backend: ...} from a backend crash. */
    private static final Pattern UNLOCATED = Pattern.compile("^(fatal error|error): (.*)$");
    /** {@code In file included from /p/a.bpf.c:3:} (clang), or gcc's continuation {@code           from /p/x.h:5:}. */
    private static final Pattern INCLUDED = Pattern.compile("^(?:In file included from|\\s+from) (.+):(\\d+):$");

    private DiagnosticParser() {
    }

    public static List<Diagnostic> parse(String output) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Diagnostic.IncludeSite> chain = new ArrayList<>();
        for (String line : (Iterable<String>) output.lines()::iterator) {
            Matcher included = INCLUDED.matcher(line);
            if (included.matches()) {
                toPath(included.group(1)).ifPresent(
                        file -> chain.add(new Diagnostic.IncludeSite(file, parseNumber(included.group(2)))));
                continue;
            }
            Optional<Diagnostic> diagnostic = parseLine(line, chain);
            if (diagnostic.isPresent()) {
                diagnostics.add(diagnostic.get());
                chain.clear();
            }
        }
        return diagnostics;
    }

    static Optional<Diagnostic> parseLine(String line) {
        return parseLine(line, List.of());
    }

    private static Optional<Diagnostic> parseLine(String line, List<Diagnostic.IncludeSite> chain) {
        Matcher driver = DRIVER.matcher(line);
        if (driver.matches()) {
            return Optional.of(new Diagnostic(Optional.empty(), 0, 0, kind(driver.group(1)), driver.group(2)));
        }
        Matcher unlocated = UNLOCATED.matcher(line);
        if (unlocated.matches()) {
            return Optional.of(new Diagnostic(Optional.empty(), 0, 0, kind(unlocated.group(1)), unlocated.group(2)));
        }
        Matcher located = LOCATED.matcher(line);
        if (!located.matches()) {
            return Optional.empty();
        }
        Optional<Path> file = toPath(located.group(1));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        int lineNumber = parseNumber(located.group(2));
        int column = located.group(3) == null ? 0 : parseNumber(located.group(3));
        return Optional.of(new Diagnostic(file, lineNumber, column, kind(located.group(4)), located.group(5),
                chain));
    }

    private static Optional<Path> toPath(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Diagnostic.Kind kind(String label) {
        switch (label) {
            case "warning": return Diagnostic.Kind.WARNING;
            case "note": return Diagnostic.Kind.NOTE;
            default: return Diagnostic.Kind.ERROR;
        }
    }

    private static int parseNumber(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0; // absurdly long line numbers: keep the message, drop the position
        }
    }
}
