package org.ebpfj.kernel.error;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.uapi.Errno;

/**
 * The verifier rejected a program. The message is short: the program, the errno, the verifier's last meaningful
 * line (usually the reason), the few lines before it, and how many lines were left out; {@link #log()} has all of it.
 */
public final class VerifierException extends ProgramException {
    /** Lines of context shown in the message, ending with the reason. */
    static final int SHOWN_LINES = 6;

    private final String log;
    private final String reason;

    public VerifierException(String programName, String programType, int errno, String log) {
        this(programName, programType, errno, log, meaningfulLines(log));
    }

    private VerifierException(String programName, String programType, int errno, String log, List<String> lines) {
        super(programName, message(programName, programType, errno, lines), errno, null);
        this.log = log;
        this.reason = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String message(String program, String type, int errno, List<String> lines) {
        StringBuilder sb = new StringBuilder("the verifier rejected program '").append(program).append("' (")
                .append(type).append("): ").append(Errno.nameOf(errno));
        if (lines.isEmpty()) {
            return sb.append(", no verifier log").toString();
        }
        sb.append(": ").append(lines.get(lines.size() - 1));
        int from = Math.max(0, lines.size() - SHOWN_LINES);
        for (String line : lines.subList(from, lines.size())) {
            sb.append("\n  | ").append(line);
        }
        if (from > 0) {
            sb.append("\n  (").append(from).append(from == 1 ? " line" : " lines")
                    .append(" omitted; the full log is VerifierException.log())");
        }
        return sb.toString();
    }

    /**
     * The log without what does not explain a rejection: blank lines and the statistics the verifier appends
     * ({@code processed N insns ...}, {@code verification time ...}, {@code stack depth ...}).
     */
    static List<String> meaningfulLines(String log) {
        List<String> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            String l = line.stripTrailing();
            if (l.isBlank() || l.startsWith("processed ") || l.startsWith("verification time")
                    || l.startsWith("stack depth") || l.startsWith("-- ")) {
                continue;
            }
            out.add(l);
        }
        return out;
    }

    /** The complete verifier log. */
    public String log() {
        return log;
    }

    /** The verifier's last meaningful line, usually the reason (e.g. {@code R0 invalid mem access ...}). */
    public String reason() {
        return reason;
    }
}
