package org.ebpfj.maven.toolchain;

import java.util.List;
import java.util.stream.Collectors;

/** No usable clang: names every place that was tried and how to fix it, in one message. */
public final class ToolchainException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ToolchainAttempt> attempts;

    public ToolchainException(List<ToolchainAttempt> attempts, String remedy) {
        super(render(attempts, remedy));
        this.attempts = List.copyOf(attempts);
    }

    public List<ToolchainAttempt> attempts() {
        return attempts;
    }

    private static String render(List<ToolchainAttempt> attempts, String remedy) {
        return "no usable clang for BPF: tried "
                + attempts.stream().map(ToolchainAttempt::toString).collect(Collectors.joining(", "))
                + " — " + remedy;
    }
}
