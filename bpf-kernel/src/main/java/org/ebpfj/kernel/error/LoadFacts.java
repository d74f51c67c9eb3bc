package org.ebpfj.kernel.error;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.spec.MapSpec;

/**
 * What is known about a failed {@code bpf_object__load} from structured facts, never from libbpf's messages: the
 * errno, the program whose verifier log the kernel wrote, the map the kernel refuses when created as libbpf
 * creates it, and the programs libbpf was to load. {@link LoadErrors#classify} turns them into the exception.
 */
public interface LoadFacts {
    /** A program libbpf loads (autoload on), with the type libbpf gave it from its section. */
    record Program(String name, int typeId, String section) {
    }

    /** The program whose log the kernel wrote during the load: the one it refused. */
    record RejectedProgram(Program program, String log) {
    }

    /**
     * A map (described as libbpf was to create it) that is refused, and the errno. {@code reason} is empty when
     * the kernel refused BPF_MAP_CREATE itself, else it says what libbpf refused (e.g. a pinned map it cannot reuse).
     */
    record RefusedMap(MapSpec spec, int errno, String reason) {
    }

    String objectName();

    /** The positive errno {@code bpf_object__load} returned. */
    int errno();

    /** libbpf's warnings, only to show to the user: nothing is decided from them. */
    String libbpfWarnings();

    Optional<RejectedProgram> rejectedProgram();

    /** The first map, in libbpf's creation order, that the kernel refuses; asked only when no program log explains. */
    Optional<RefusedMap> refusedMap();

    /** The programs libbpf was to load, in its load order. */
    List<Program> programs();
}
