package org.ebpfj.object.spec;

import java.util.Optional;

import org.ebpfj.object.uapi.ProgramType;

/**
 * A BPF program in an object, as plain data.
 *
 * @param name         the function's symbol name
 * @param section      the ELF section, e.g. {@code tracepoint/syscalls/sys_enter_execve} or {@code xdp}
 * @param type         the program type the section name implies, by libbpf's conventions, when known
 * @param attachTarget what the section names to attach to, e.g. {@code syscalls/sys_enter_execve}; "" if none
 * @param instructions number of 8-byte instructions
 * @param autoload     whether a loader loads it: libbpf's default is on, off for a {@code SEC("?...")} program;
 *                     a copy with another value ({@link #withAutoload}) decides which programs load
 */
public record ProgramSpec(
        String name,
        String section,
        Optional<ProgramType> type,
        String attachTarget,
        int instructions,
        SourceLocation location,
        boolean autoload) {

    /** A program with libbpf's default autoload for its section. */
    public ProgramSpec(String name, String section, Optional<ProgramType> type, String attachTarget,
                       int instructions, SourceLocation location) {
        this(name, section, type, attachTarget, instructions, location, !section.startsWith("?"));
    }

    /** The same program, loaded or not. */
    public ProgramSpec withAutoload(boolean load) {
        return new ProgramSpec(name, section, type, attachTarget, instructions, location, load);
    }
}
