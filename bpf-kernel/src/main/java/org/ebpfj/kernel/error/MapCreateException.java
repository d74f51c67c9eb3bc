package org.ebpfj.kernel.error;

import java.util.Optional;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.Errno;

/**
 * BPF_MAP_CREATE failed. The message names the map, its type and source line, the errno, and the offline rules'
 * explanation (the rule id and message the Maven plugin would report for the definition), e.g.
 * {@code map 'wide_key_array' (ARRAY) at src/main/bpf/x.bpf.c:14: map create: invalid argument (EINVAL):
 * [array.key-size] key_size is 8, an ARRAY key is the 32-bit index: key_size must be 4}, followed by the
 * definition and libbpf's messages.
 */
public final class MapCreateException extends MapException {
    private final MapSpec spec;
    private final Optional<Violation> explanation;
    private final String reason;

    /** A refusal with a cause in words ({@code ""} when unknown) instead of the rules' explanation. */
    public MapCreateException(MapSpec spec, int errno, String reason, String libbpfLog) {
        this(spec, errno, Optional.empty(), reason, libbpfLog);
    }

    /**
     * @param explanation the first error the offline rules find for the definition as it was sent; empty when they
     *                    predict that the map is created
     */
    public MapCreateException(MapSpec spec, int errno, Optional<Violation> explanation, String libbpfLog) {
        this(spec, errno, explanation, reason(Math.abs(errno), explanation), libbpfLog);
    }

    private MapCreateException(MapSpec spec, int errno, Optional<Violation> explanation, String reason,
                               String libbpfLog) {
        super(spec.name(), message(spec, Math.abs(errno), reason, libbpfLog), errno);
        this.spec = spec;
        this.explanation = explanation;
        this.reason = reason;
    }

    /** The rules' explanation, qualified when they expected another answer than the kernel gave. */
    private static String reason(int errno, Optional<Violation> explanation) {
        if (explanation.isEmpty()) {
            return "";
        }
        Violation v = explanation.get();
        String rule = "[" + v.ruleId() + "] " + v.message();
        boolean sameErrno = v.errno().map(e -> e.number() == errno).orElse(false);
        if (sameErrno) {
            return rule;
        }
        return "the offline rules expected " + v.errno().map(Enum::name).orElse("another error") + ": " + rule;
    }

    private static String message(MapSpec spec, int errno, String reason, String log) {
        StringBuilder sb = new StringBuilder();
        sb.append("map '").append(spec.name()).append("' (").append(spec.typeName()).append(')');
        if (spec.location().hasLine()) {
            sb.append(" at ").append(spec.location());
        }
        String description = describe(errno);
        sb.append(": map create: ").append(description);
        if (!description.contains(Errno.nameOf(errno))) {
            sb.append(" (").append(Errno.nameOf(errno)).append(')');
        }
        if (!reason.isEmpty()) {
            sb.append(": ").append(reason);
        }
        sb.append("\n  definition: ").append(spec);
        sb.append(libbpfLines(log));
        return sb.toString();
    }

    /** {@code invalid argument}: bpf-object's description, else the C library's. */
    private static String describe(int errno) {
        return Errno.byNumber(errno).map(Errno::description).orElseGet(() -> Libc.strerror(errno));
    }

    /** The definition as the kernel was asked to create it. */
    public MapSpec spec() {
        return spec;
    }

    /**
     * The offline rules' first error for the definition as it was sent: the rule id, the errno the rules expect
     * (normally {@link #errno()}), the message and the source location. Empty when the rules predict that the map
     * is created (then the cause is outside what they model, e.g. memory between free and total RAM).
     */
    public Optional<Violation> explanation() {
        return explanation;
    }

    /** The id of the rule the offline rules say the kernel applied, e.g. {@code array.key-size}. */
    public Optional<String> predictedRuleId() {
        return explanation.map(Violation::ruleId);
    }

    /** The cause in words: the rule id and message of {@link #explanation()}, "" when unknown. */
    public String reason() {
        return reason;
    }
}
