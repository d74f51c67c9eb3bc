package org.ebpfj.maven.compile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads clang's diagnostics out of its output. Lines that are not diagnostics (source excerpts, carets,
 * "In file included from", "N errors generated.") are left for the full log.
 */
public final class DiagnosticParser {

    private static final Pattern LOCATED = Pattern.compile(
            "^(.+?):(\\d+)(?::(\\d+))?: (fatal error|error|warning|note): (.*)$");
    private static final Pattern DRIVER = Pattern.compile(
            "^(?:\\S*/)?clang(?:-\\d+)?(?:\\.exe)?: (fatal error|error|warning|note): (.*)$");

    private DiagnosticParser() {
    }

    public static List<Diagnostic> parse(String output) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        output.lines().forEach(line -> parseLine(line).ifPresent(diagnostics::add));
        return diagnostics;
    }

    static Optional<Diagnostic> parseLine(String line) {
        Matcher driver = DRIVER.matcher(line);
        if (driver.matches()) {
            return Optional.of(new Diagnostic(Optional.empty(), 0, 0, kind(driver.group(1)), driver.group(2)));
        }
        Matcher located = LOCATED.matcher(line);
        if (!located.matches()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(located.group(1));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        int lineNumber = parseNumber(located.group(2));
        int column = located.group(3) == null ? 0 : parseNumber(located.group(3));
        return Optional.of(new Diagnostic(Optional.of(file), lineNumber, column, kind(located.group(4)),
                located.group(5)));
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
