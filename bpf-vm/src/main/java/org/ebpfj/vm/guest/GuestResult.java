package org.ebpfj.vm.guest;

import java.nio.file.Path;

/**
 * How one guest ended.
 *
 * @param exitCode the job's exit code as the guest wrote it
 * @param seconds  QEMU start to exit
 * @param console  the kernel console log
 * @param output   the job's stdout and stderr
 */
public record GuestResult(int exitCode, double seconds, Path console, Path output) {
}
