package org.ebpfj.kernel.program;

import java.util.HexFormat;
import java.util.Optional;

import org.ebpfj.object.uapi.ProgramType;

/**
 * What the kernel says about a loaded program (BPF_OBJ_GET_INFO_BY_FD).
 *
 * @param tag            the kernel's 8-byte tag of the instructions, as hex
 * @param xlatedBytes    size of the instructions after the verifier's rewrites
 * @param jitedBytes     size of the JIT-compiled code
 */
public record ProgramInfo(int typeId, int id, String name, String tag, long xlatedBytes, long jitedBytes,
                          int mapCount, int btfId) {
    public Optional<ProgramType> type() {
        return ProgramType.byId(typeId);
    }

    static String hexTag(byte[] tag) {
        return HexFormat.of().formatHex(tag);
    }
}
