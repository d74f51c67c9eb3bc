package org.ebpfj.kernel.program;

/**
 * What one BPF_PROG_TEST_RUN reported.
 *
 * @param returnValue   the program's return value (e.g. XDP_PASS = 2), as the kernel's u32
 * @param durationNanos average run time per repetition, in nanoseconds
 * @param dataOut       the packet after the program ran (empty when the type has none)
 * @param ctxOut        the context after the program ran (empty unless requested)
 */
public record TestRunResult(long returnValue, long durationNanos, byte[] dataOut, byte[] ctxOut) {
    public TestRunResult {
        dataOut = dataOut.clone();
        ctxOut = ctxOut.clone();
    }

    @Override
    public byte[] dataOut() {
        return dataOut.clone();
    }

    @Override
    public byte[] ctxOut() {
        return ctxOut.clone();
    }

    /** The return value as a signed int, for programs that return negative errnos. */
    public int returnValueSigned() {
        return (int) returnValue;
    }
}
