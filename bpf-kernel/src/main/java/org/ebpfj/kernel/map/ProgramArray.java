package org.ebpfj.kernel.map;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.object.uapi.MapType;

/**
 * A {@code PROG_ARRAY}, the jump table of {@code bpf_tail_call}: slots filled with programs of the same object, by
 * name. An empty slot makes the tail call fall through to the code after it.
 * <pre>{@code
 * ProgramArray jumps = ProgramArray.of(obj, "jump_table");
 * jumps.set(0, "tail_target");
 * }</pre>
 */
public final class ProgramArray {
    private final BpfObject object;
    private final RawMap map;

    private ProgramArray(BpfObject object, RawMap map) {
        this.object = object;
        this.map = map;
    }

    /** The PROG_ARRAY {@code mapName} of {@code object}; its programs are the ones {@link #set} can name. */
    public static ProgramArray of(BpfObject object, String mapName) {
        RawMap map = object.rawMap(mapName);
        if (map.type().orElse(null) != MapType.PROG_ARRAY) {
            throw new IllegalArgumentException("map '" + mapName + "' is " + map.type().map(Enum::name)
                    .orElse("of an unknown type") + ", not a PROG_ARRAY");
        }
        return new ProgramArray(object, map);
    }

    /** Puts the object's program {@code programName} in slot {@code index}. */
    public void set(int index, String programName) {
        set(index, object.program(programName));
    }

    /** Puts {@code program} (loaded, of the same type as the caller of the tail call) in slot {@code index}. */
    public void set(int index, BpfProgram program) {
        checkIndex(index);
        map.update(key(index), key(program.fd()), UpdateFlag.ANY);
    }

    /** Empties slot {@code index}; @return whether it held a program */
    public boolean clear(int index) {
        checkIndex(index);
        return map.delete(key(index));
    }

    /** The kernel id of the program in slot {@code index} (a lookup answers ids, not fds). */
    public Optional<Integer> programId(int index) {
        checkIndex(index);
        return map.lookup(key(index)).map(v -> ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt());
    }

    public RawMap raw() {
        return map;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= map.maxEntries()) {
            throw new IndexOutOfBoundsException("slot " + index + " of PROG_ARRAY '" + map.name() + "' (0.."
                    + (map.maxEntries() - 1) + ")");
        }
    }

    static byte[] key(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }
}
