package org.ebpfj.examples.events;

/**
 * {@code struct exec_event} of execs.bpf.c. The harness lays the record out from the object's BTF by name
 * ({@code ExecEvent} -> {@code exec_event}, {@code filename} -> {@code filename}) and checks every field.
 */
public record ExecEvent(int pid, int ppid, String comm, String filename) {
}
