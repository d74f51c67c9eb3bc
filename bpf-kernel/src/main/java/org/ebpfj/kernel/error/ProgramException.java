package org.ebpfj.kernel.error;

/** A program could not be loaded, attached or run; carries the program's name and the errno. */
public abstract sealed class ProgramException extends BpfException
        permits VerifierException, ProgramLoadException, AttachException, TestRunException {

    private final String programName;

    protected ProgramException(String programName, String message, int errno, Throwable cause) {
        super(message, errno, cause);
        this.programName = programName;
    }

    public String programName() {
        return programName;
    }
}
