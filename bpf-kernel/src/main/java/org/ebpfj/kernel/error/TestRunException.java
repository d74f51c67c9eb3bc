package org.ebpfj.kernel.error;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.Errno;

/** BPF_PROG_TEST_RUN refused to run the program (e.g. EINVAL for input shorter than the type requires). */
public final class TestRunException extends ProgramException {
    public TestRunException(String programName, String programType, int errno, String hint) {
        super(programName, "BPF_PROG_TEST_RUN of program '" + programName + "' (" + programType + ") failed: "
                + Errno.nameOf(errno) + " (" + Libc.strerror(errno) + ")" + (hint.isEmpty() ? "" : ": " + hint),
                errno, null);
    }
}
