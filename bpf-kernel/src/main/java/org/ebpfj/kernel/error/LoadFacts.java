package org.ebpfj.kernel.error;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.ebpfj.object.spec.MapSpec;

/**
 * What is known about a failed {@code bpf_object__load} from structured facts, never from libbpf's messages.
 * {@link LoadErrors#classify} turns them into the exception.
 *
 * @param errno           the positive errno {@code bpf_object__load} returned
 * @param libbpfWarnings  libbpf's warnings, only to show to the user: nothing is decided from them
 * @param rejectedProgram the program whose verifier log the kernel wrote during the load: the one it refused
 * @param mapReplay       finds the first map, in libbpf's creation order, that is refused; it creates maps, so it
 *                        is asked only when no program log explains the failure
 * @param programs        the programs libbpf was to load, in its load order
 * @param kernelBtf       whether the running kernel exposes its BTF ({@code /sys/kernel/btf/vmlinux}), which libbpf
 *                        needs for CO-RE relocations, BTF-typed attach targets and kernel symbols
 */
public record LoadFacts(String objectName, int errno, String libbpfWarnings,
                        Optional<RejectedProgram> rejectedProgram, Supplier<Optional<RefusedMap>> mapReplay,
                        List<Program> programs, boolean kernelBtf) {

    /** A program libbpf loads (autoload on), with the type libbpf gave it from its section. */
    public record Program(String name, int typeId, String section) {
    }

    /** A program and the verifier log the kernel wrote for it. */
    public record RejectedProgram(Program program, String log) {
    }

    /**
     * A map (described as libbpf was to create it) that is refused, and the errno. {@code reason} is empty when
     * the kernel refused BPF_MAP_CREATE itself, else it says what libbpf refused (e.g. a pinned map it cannot reuse).
     */
    public record RefusedMap(MapSpec spec, int errno, String reason) {
    }

    public LoadFacts {
        programs = List.copyOf(programs);
    }
}
