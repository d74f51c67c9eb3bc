package org.ebpfj.maven.process;

/** How a finished process ended: its exit code and everything it wrote (stdout and stderr interleaved). */
public record ProcessResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
