package org.ebpfj.maven.toolchain;

/** One place the resolver looked for clang and what it found there, e.g. ("PATH", "no clang"). */
public record ToolchainAttempt(String candidate, String outcome) {

    @Override
    public String toString() {
        return candidate + " (" + outcome + ")";
    }
}
