package org.ebpfj.object.codegen;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfRelocation;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;

/**
 * The calls of a BPF object's code to the helpers that send events ({@code bpf_perf_event_output} (25),
 * {@code bpf_ringbuf_output} (130), {@code bpf_ringbuf_reserve} (131)), with the event size and the map each call
 * passes when the instructions before it load them as constants.
 *
 * <p>A linear scan per section: a register holds a known value after {@code mov rN, imm} (the size) or an
 * {@code ld_imm64} relocated against a map symbol (the map), keeps it through register copies, and forgets it when
 * anything else writes it, after a call (r0..r5), and at every jump target (another path may reach the call). So
 * a value is known only when straight-line code right before the call sets it, as clang emits for
 * {@code sizeof(*e)} and {@code &events}.
 */
final class EventCallSites {
    static final int PERF_EVENT_OUTPUT = 25;
    static final int RINGBUF_OUTPUT = 130;
    static final int RINGBUF_RESERVE = 131;

    private static final int INSN = 8;
    private static final int CLASS_LD = 0x00;
    private static final int CLASS_LDX = 0x01;
    private static final int CLASS_STX = 0x03;
    private static final int CLASS_ALU = 0x04;
    private static final int CLASS_JMP = 0x05;
    private static final int CLASS_JMP32 = 0x06;
    private static final int CLASS_ALU64 = 0x07;
    private static final int LD_IMM64 = 0x18;
    private static final int CALL = 0x85;
    private static final int MOV64_IMM = 0xb7;
    private static final int MOV32_IMM = 0xb4;
    private static final int MOV64_REG = 0xbf;
    private static final int MOV32_REG = 0xbc;

    /**
     * One call.
     *
     * @param function the function symbol holding the call (a program, or a subprogram it calls)
     * @param size     the size argument, when it is a constant
     * @param map      the map argument's symbol, when it is a map
     */
    record Call(String function, String section, int instruction, int helper, OptionalLong size,
                Optional<String> map) {
        String helperName() {
            return helper == PERF_EVENT_OUTPUT ? "bpf_perf_event_output"
                    : helper == RINGBUF_OUTPUT ? "bpf_ringbuf_output" : "bpf_ringbuf_reserve";
        }

        String where() {
            return function + " (" + section + ", instruction " + instruction + ")";
        }
    }

    private EventCallSites() {
    }

    static List<Call> find(ElfFile elf) throws ObjectFormatException {
        List<Call> out = new ArrayList<>();
        for (ElfSection s : elf.sections()) {
            if (s.isExecutable() && s.isProgbits() && s.size() % INSN == 0) {
                scan(elf, s, out);
            }
        }
        return out;
    }

    private static void scan(ElfFile elf, ElfSection section, List<Call> out) throws ObjectFormatException {
        ByteView code = section.data();
        int count = code.length() / INSN;
        boolean little = elf.order() == ByteOrder.LITTLE_ENDIAN;
        Map<Long, String> maps = mapReferences(elf, section);
        boolean[] targets = jumpTargets(code, count);
        long[] constant = new long[16];
        boolean[] known = new boolean[16];
        String[] map = new String[16];
        for (int i = 0; i < count; i++) {
            if (targets[i]) {
                Arrays.fill(known, false);
                Arrays.fill(map, null);
            }
            long at = (long) i * INSN;
            int op = code.u8(at);
            int regs = code.u8(at + 1);
            int dst = little ? regs & 0xf : regs >> 4;
            int src = little ? regs >> 4 : regs & 0xf;
            int imm = code.s32(at + 4);
            int cls = op & 0x07;
            if (op == LD_IMM64) {
                set(known, map, dst, false, maps.get(at));
                i++;
            } else if (op == MOV64_IMM || op == MOV32_IMM) {
                set(known, map, dst, true, null);
                constant[dst & 0xf] = op == MOV32_IMM ? imm & 0xffffffffL : imm;
            } else if ((op == MOV64_REG || op == MOV32_REG) && (short) code.u16(at + 2) == 0) {
                set(known, map, dst, known[src], map[src]);
                constant[dst] = constant[src];
            } else if (op == CALL && src == 0) {
                if (imm == PERF_EVENT_OUTPUT || imm == RINGBUF_OUTPUT || imm == RINGBUF_RESERVE) {
                    int sizeReg = imm == PERF_EVENT_OUTPUT ? 5 : imm == RINGBUF_OUTPUT ? 3 : 2;
                    int mapReg = imm == PERF_EVENT_OUTPUT ? 2 : 1;
                    out.add(new Call(function(elf, section, at), section.name(), i, imm,
                            known[sizeReg] ? OptionalLong.of(constant[sizeReg]) : OptionalLong.empty(),
                            Optional.ofNullable(map[mapReg])));
                }
                for (int r = 0; r <= 5; r++) {
                    set(known, map, r, false, null);
                }
            } else if (cls == CLASS_LD || cls == CLASS_LDX || cls == CLASS_ALU || cls == CLASS_ALU64) {
                set(known, map, dst, false, null);
            } else if (cls == CLASS_STX && (op & 0xe0) == 0xc0) {
                set(known, map, 0, false, null); // atomics may write r0 or the source register
                set(known, map, src, false, null);
            }
        }
    }

    private static void set(boolean[] known, String[] map, int reg, boolean isKnown, String mapName) {
        known[reg & 0xf] = isKnown;
        map[reg & 0xf] = mapName;
    }

    private static boolean[] jumpTargets(ByteView code, int count) throws ObjectFormatException {
        boolean[] targets = new boolean[count + 1];
        for (int i = 0; i < count; i++) {
            long at = (long) i * INSN;
            int op = code.u8(at);
            int cls = op & 0x07;
            if (op == LD_IMM64) {
                i++;
            } else if ((cls == CLASS_JMP || cls == CLASS_JMP32) && op != CALL && (op & 0xf0) != 0x90) {
                boolean longJump = cls == CLASS_JMP32 && (op & 0xf0) == 0; // gotol: the offset is in imm
                long target = i + 1L + (longJump ? code.s32(at + 4) : (short) code.u16(at + 2));
                if (target >= 0 && target < targets.length) {
                    targets[(int) target] = true;
                }
            }
        }
        return targets;
    }

    /** Map symbols by the offset of the ld_imm64 that references them. */
    private static Map<Long, String> mapReferences(ElfFile elf, ElfSection section) throws ObjectFormatException {
        Map<Long, String> out = new HashMap<>();
        for (ElfRelocation r : elf.relocationsFor(section)) {
            Optional<ElfSymbol> sym = elf.symbol(r.symbolIndex());
            if (sym.isEmpty() || r.type() != ElfRelocation.R_BPF_64_64) {
                continue;
            }
            Optional<ElfSection> target = elf.section(sym.get().sectionIndex());
            if (target.isPresent() && (target.get().name().equals(".maps") || target.get().name().equals("maps"))) {
                out.put(r.offset(), sym.get().name());
            }
        }
        return out;
    }

    private static String function(ElfFile elf, ElfSection section, long offset) {
        for (ElfSymbol s : elf.symbols()) {
            if (s.isFunction() && s.sectionIndex() == section.index() && s.value() <= offset
                    && offset < s.value() + s.size()) {
                return s.name();
            }
        }
        return section.name();
    }
}
