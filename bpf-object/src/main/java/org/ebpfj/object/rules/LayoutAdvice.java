package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.TypeRef;

/**
 * The alignment trap of BTF-defined maps: a key or value struct with implicit padding (bytes no member covers) or
 * with 8-byte members placed by alignment that a 32-bit host would place elsewhere. User space must copy that
 * layout byte for byte, and a key whose padding is left uninitialized never matches. Names each member and gap.
 */
final class LayoutAdvice {
    /** Structs nested deeper than this are not searched (BTF from the reader is acyclic; this bounds messages). */
    private static final int MAX_DEPTH = 8;
    /** At most this many gaps are named in one message. */
    private static final int MAX_NAMED = 4;

    private LayoutAdvice() {
    }

    static List<Violation> check(MapSpec spec) {
        List<Violation> out = new ArrayList<>();
        check(spec, out);
        return out;
    }

    /** Adds the findings about the map's key and value layout to {@code out}. */
    static void check(MapSpec spec, List<Violation> out) {
        if (spec.keyType().isPresent()) {
            check(spec, spec.keyType().get(), "key", out);
        }
        if (spec.valueType().isPresent()) {
            check(spec, spec.valueType().get(), "value", out);
        }
    }

    private static void check(MapSpec spec, TypeRef ref, String role, List<Violation> out) {
        Btf btf = ref.btf();
        if (!(btf.resolve(ref.id()) instanceof BtfType.Struct s)) {
            return;
        }
        List<String> gaps = new ArrayList<>();
        List<String> hostShifts = new ArrayList<>();
        long[] padding = {0};
        walk(btf, s, "", 0, gaps, hostShifts, padding, 0);
        if (gaps.isEmpty() && hostShifts.isEmpty()) {
            return; // the common case: no message, so no names are rendered
        }
        String c = btf.describe(ref.id());
        if (!gaps.isEmpty()) {
            String named = String.join(", ", gaps.subList(0, Math.min(MAX_NAMED, gaps.size())))
                    + (gaps.size() > MAX_NAMED ? " and " + (gaps.size() - MAX_NAMED) + " more" : "");
            String why = role.equals("key")
                    ? "a key whose padding is not zeroed (a stack struct without = {}) never matches the same key in"
                    + " the map: zero the whole key, or declare the padding as members (e.g. __u8 __pad[3])"
                    : "a host-side type must reproduce these bytes to read the members after them (generated records"
                    + " do), or declare the padding as members (e.g. __u8 __pad[3])";
            out.add(Findings.of(AdviceRules.LAYOUT_PADDING, spec, role + " " + c + " (" + s.size() + " bytes) has "
                    + (padding[0] == 1 ? "1 byte" : padding[0] + " bytes") + " of implicit padding: " + named + "; "
                    + why));
        }
        if (!hostShifts.isEmpty()) {
            out.add(Findings.of(AdviceRules.LAYOUT_HOST_ALIGNMENT, spec, role + " " + c + ": " + String.join("; ",
                    hostShifts.subList(0, Math.min(MAX_NAMED, hostShifts.size()))) + ": on the BPF target 8-byte"
                    + " integers align to 8, on a 32-bit host (i386, arm) to 4, so a struct compiled there puts the"
                    + " member elsewhere; use explicit padding or __attribute__((aligned(8)))"));
        }
    }

    /**
     * Collects the gaps of {@code s} at {@code base}: each named by the member before it ("3 bytes after 'flag'
     * (offsets 1..3)"), and 8-byte members whose offset a 4-byte alignment would change.
     */
    private static void walk(Btf btf, BtfType.Struct s, String prefix, long base, List<String> gaps,
                             List<String> hostShifts, long[] padding, int depth) {
        long end = 0; // bits covered so far, relative to s
        BtfType.Member previous = null;
        long hostOffset = 0; // where a 32-bit host would place the next member, in bytes
        boolean hostKnown = true;
        List<BtfType.Member> members = s.members();
        for (int i = 0; i < members.size(); i++) {
            BtfType.Member m = members.get(i);
            // Each member's type is resolved and sized once: every map's key and value are walked.
            BtfType resolved = btf.resolve(m.type());
            long size = btf.sizeOf(m.type()).orElse(0);
            boolean scalarOf8Bytes = size == 8 && (resolved instanceof BtfType.Int
                    || resolved instanceof BtfType.Enum64 || resolved instanceof BtfType.Float);
            long startBits = m.bitOffset();
            long lengthBits = m.isBitfield() ? m.bitfieldSize() : 8 * size;
            if (startBits >= end + 8 && !(resolved instanceof BtfType.Union)) {
                long from = (end + 7) / 8;
                long to = startBits / 8;
                if (to > from) {
                    gaps.add(gap(to - from, previous == null ? null : name(prefix, previous), base + from,
                            base + to - 1));
                    padding[0] += to - from;
                }
            }
            if (!m.isBitfield() && hostKnown) {
                int align = btf.alignOf(m.type());
                int hostAlign = scalarOf8Bytes ? 4 : align;
                long hostAt = align(hostOffset, Math.min(hostAlign, align));
                if (hostAt != m.byteOffset() && scalarOf8Bytes) {
                    hostShifts.add("'" + name(prefix, m) + "' (" + btf.describe(m.type()) + ") is at offset " + (base
                            + m.byteOffset()) + ", a 32-bit host puts it at " + (base + hostAt));
                    hostKnown = false; // later members shift with it; one finding names the first
                }
                hostOffset = hostAt + size;
            } else if (m.isBitfield()) {
                hostKnown = false;
            }
            if (resolved instanceof BtfType.Struct inner && !m.isBitfield() && depth < MAX_DEPTH) {
                walk(btf, inner, name(prefix, m) + ".", base + m.byteOffset(), gaps, hostShifts, padding, depth + 1);
            }
            end = Math.max(end, startBits + lengthBits);
            previous = m;
        }
        long tail = s.size() - (end + 7) / 8;
        if (tail > 0 && previous != null) {
            gaps.add((tail == 1 ? "1 byte" : tail + " bytes") + " of tail padding after '" + name(prefix, previous)
                    + "' (offsets " + (base + s.size() - tail)
                    + ".." + (base + s.size() - 1) + ")");
            padding[0] += tail;
        }
    }

    /** A member's name as messages show it: its path from the key or value type. */
    private static String name(String prefix, BtfType.Member m) {
        return prefix + (m.name().isEmpty() ? "(anonymous)" : m.name());
    }

    private static String gap(long bytes, String previous, long from, long to) {
        String after = previous == null ? "at the start" : "after '" + previous + "'";
        return (bytes == 1 ? "1 byte " : bytes + " bytes ") + after + " (offset" + (from == to ? " " + from
                : "s " + from + ".." + to) + ")";
    }

    private static long align(long offset, int alignment) {
        return alignment <= 1 ? offset : (offset + alignment - 1) / alignment * alignment;
    }

    /** The member names and gaps of a key or value, for tests and messages. */
    static Optional<String> describe(MapSpec spec) {
        List<Violation> v = check(spec);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).message());
    }
}
