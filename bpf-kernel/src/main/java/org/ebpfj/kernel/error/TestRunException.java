package org.ebpfj.kernel.error;


/** BPF_PROG_TEST_RUN refused to run the program (e.g. EINVAL for input shorter than the type requires). */
public final class TestRunException extends ProgramException {
    public TestRunException(String programName, String programType, int errno, String hint) {
        super(programName, "BPF_PROG_TEST_RUN of program '" + programName + "' (" + programType + ") failed: "
                + described(errno) + (hint.isEmpty() ? "" : ": " + hint),
                errno, null);
    }
}
