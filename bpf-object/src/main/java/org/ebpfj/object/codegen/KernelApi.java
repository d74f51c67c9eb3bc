package org.ebpfj.object.codegen;

import java.util.List;

/**
 * The bpf-kernel classes a skeleton uses, by fully qualified name: the one place to change when bpf-kernel moves
 * them. bpf-object does not depend on bpf-kernel; the generated skeleton does.
 */
final class KernelApi {
    static final String SKELETON_SIMPLE = "BpfSkeleton";

    static final List<String> IMPORTS = List.of(
            "org.ebpfj.kernel.BpfObject",
            "org.ebpfj.kernel.BpfSkeleton",
            "org.ebpfj.kernel.LoadOptions",
            "org.ebpfj.kernel.codec.Codecs",
            "org.ebpfj.kernel.codec.MapCodec",
            "org.ebpfj.kernel.event.PerfBufferReader",
            "org.ebpfj.kernel.event.RingBufferReader",
            "org.ebpfj.kernel.event.UserRingBufferWriter",
            "org.ebpfj.kernel.map.BpfMap",
            "org.ebpfj.kernel.map.PerCpuMap",
            "org.ebpfj.kernel.map.QueueMap",
            "org.ebpfj.kernel.map.RawMap",
            "org.ebpfj.kernel.program.BpfProgram",
            "org.ebpfj.object.spec.ObjectSpec");

    private KernelApi() {
    }
}
