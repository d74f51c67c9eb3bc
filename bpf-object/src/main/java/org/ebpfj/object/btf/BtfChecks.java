package org.ebpfj.object.btf;

import java.util.Arrays;
import java.util.Locale;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.StringTable;

/**
 * The checks that span types, run on the raw words before anything is decoded, in the spirit of the kernel's own
 * BTF checks: every referenced id present, sizes that fit in 32 bits and chains that end, members inside their
 * struct, no struct containing itself, no pointer or modifier loop, bounded nesting. What they guarantee is what
 * lets {@link Btf} answer every query on a parsed instance without failing.
 */
final class BtfChecks {
    /** The kernel gives up resolving modifier chains deeper than this (MAX_RESOLVE_DEPTH). */
    private static final int MAX_RESOLVE_DEPTH = 32;
    private static final long U32_MAX = 0xffffffffL;
    private static final int STRUCT = 4;
    private static final int UNION = 5;
    /** {@link #containment}'s mark for a type on the path being walked. */
    private static final int ON_PATH = -1;

    private final BtfWords t;
    private final StringTable strings;

    private BtfChecks(BtfWords t, StringTable strings) {
        this.t = t;
        this.strings = strings;
    }

    /** Runs every check and returns the size of every id (-1: no size). */
    static long[] run(BtfWords t, StringTable strings) throws BtfFormatException {
        BtfChecks c = new BtfChecks(t, strings);
        c.references();
        long[] sizes = c.sizes();
        c.members(sizes);
        c.containment();
        c.pointerChains();
        return sizes;
    }

    private void references() throws BtfFormatException {
        for (int id = 1; id < t.count; id++) {
            for (int i = 0, n = t.referenceCount(id); i < n; i++) {
                int ref = t.reference(id, i);
                if (ref >= t.count) {
                    throw fail("BTF type #" + id + " (" + t.kind(id) + " '" + name(t.nameOffset(id)) + "')",
                            "refers to type #" + Integer.toUnsignedString(ref) + ", but the last type is #"
                                    + (t.count - 1));
                }
            }
        }
    }

    private long[] sizes() throws BtfFormatException {
        long[] sizes = new long[t.count];
        Arrays.fill(sizes, Long.MIN_VALUE);
        sizes[0] = -1;
        for (int id = 1; id < t.count; id++) {
            sizeOf(id, sizes, 0);
        }
        return sizes;
    }

    private long sizeOf(int id, long[] sizes, int depth) throws BtfFormatException {
        if (sizes[id] != Long.MIN_VALUE) {
            return sizes[id];
        }
        if (depth > MAX_RESOLVE_DEPTH) {
            throw fail("BTF type #" + id, "type chain deeper than " + MAX_RESOLVE_DEPTH + " (a reference loop?)");
        }
        long size;
        switch (t.kinds[id]) {
            case 1: // INT
            case STRUCT:
            case UNION:
            case 6: // ENUM
            case 15: // DATASEC
            case 16: // FLOAT
            case 19: // ENUM64
                size = t.sizeOrType(id);
                break;
            case 2: // PTR
                size = Btf.POINTER_SIZE;
                break;
            case 3: { // ARRAY
                int elemId = BtfWords.ref(t.words[t.data(id)]);
                long elements = t.words[t.data(id) + 2] & U32_MAX;
                long elem = sizeOf(elemId, sizes, depth + 1);
                if (elem < 0) {
                    throw fail("BTF type #" + id, "array of an unsized type #" + elemId);
                }
                if (elements != 0 && elem > U32_MAX / elements) {
                    throw fail("BTF type #" + id, "array size overflows 32 bits");
                }
                size = elem * elements;
                break;
            }
            case 8: // TYPEDEF
            case 9: // VOLATILE
            case 10: // CONST
            case 11: // RESTRICT
            case 14: // VAR
            case 18: // TYPE_TAG
                size = sizeOf(BtfWords.ref(t.words[t.start[id] + 2]), sizes, depth + 1);
                break;
            default:
                size = -1;
                break;
        }
        sizes[id] = size;
        return size;
    }

    private void members(long[] sizes) throws BtfFormatException {
        for (int id = 1; id < t.count; id++) {
            int k = t.kinds[id];
            if (k != STRUCT && k != UNION) {
                continue;
            }
            long structBits = 8 * t.sizeOrType(id);
            boolean kindFlag = t.kindFlag(id);
            int d = t.data(id);
            for (int i = 0, vlen = t.vlen(id); i < vlen; i++) {
                int m = d + 3 * i;
                long msize = sizes[t.words[m + 1]];
                if (msize < 0) {
                    // Flexible arrays have size 0 and pass; void, functions and forward declarations fail.
                    throw fail(memberName(id, m), "has no size");
                }
                long offset = t.words[m + 2] & U32_MAX;
                int bitfield = kindFlag ? (int) (offset >>> 24) : 0;
                long bitOffset = kindFlag ? offset & 0xffffff : offset;
                long endBits = bitfield != 0 ? bitOffset + bitfield : bitOffset + 8 * msize;
                if (endBits > structBits) {
                    throw fail(memberName(id, m), "ends at bit " + endBits + ", past the end of its "
                            + t.sizeOrType(id) + "-byte " + t.kind(id).name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private String memberName(int id, int memberWord) {
        return "BTF type #" + id + " member '" + name(t.words[memberWord]) + "'";
    }

    /**
     * A struct that contains itself (directly, or through arrays, typedefs and other structs) has no layout;
     * the kernel reports such BTF as a loop. Also bounds the nesting depth. Iterative, so hostile input
     * cannot exhaust the stack here.
     */
    private void containment() throws BtfFormatException {
        int n = t.count;
        int max = BtfReader.MAX_NESTING;
        // A path holds each type at most once, so it is never longer than the type count; real paths are a few
        // levels, so the per-level arrays start small and grow to at most max + 1.
        int levels = Math.min(Math.min(max, n) + 1, 16);
        int[] stack = new int[levels];
        int[] next = new int[levels]; // index of the next child to visit, per stack level
        // Per type: 0 unvisited, ON_PATH while on the current path, then the levels of types laid out inside one
        // another (1 for a type that contains nothing): one array is both the walk's marks and its answer.
        int[] depth = new int[n];
        int[] deepest = new int[levels]; // the deepest finished child so far, per stack level
        for (int root = 1; root < n; root++) {
            if (depth[root] != 0) {
                continue;
            }
            if (containedAt(root, 0) < 0) { // most types contain nothing: no walk needed
                depth[root] = 1;
                continue;
            }
            int top = 0;
            stack[0] = root;
            next[0] = 0;
            deepest[0] = 0;
            depth[root] = ON_PATH;
            while (top >= 0) {
                int id = stack[top];
                int child = containedAt(id, next[top]++);
                if (child < 0) {
                    depth[id] = 1 + deepest[top];
                    if (depth[id] > max) {
                        throw fail("BTF type #" + id, "types nested deeper than " + max);
                    }
                    top--;
                    if (top >= 0) {
                        deepest[top] = Math.max(deepest[top], depth[id]);
                    }
                } else if (depth[child] == ON_PATH) {
                    throw fail("BTF type #" + child, t.kind(child) + " '" + name(t.nameOffset(child))
                            + "' contains itself by value");
                } else if (depth[child] == 0) {
                    if (top == max) {
                        throw fail("BTF type #" + root, "types nested deeper than " + max);
                    }
                    depth[child] = ON_PATH;
                    if (top + 1 == stack.length) {
                        int grown = Math.min(2 * stack.length, max + 1);
                        stack = Arrays.copyOf(stack, grown);
                        next = Arrays.copyOf(next, grown);
                        deepest = Arrays.copyOf(deepest, grown);
                    }
                    stack[++top] = child;
                    next[top] = 0;
                    deepest[top] = 0;
                } else {
                    deepest[top] = Math.max(deepest[top], depth[child]);
                }
            }
        }
    }

    /** The i-th type laid out inside {@code id} (members, array element, qualified type), or -1. */
    private int containedAt(int id, int i) {
        int k = t.kinds[id];
        if (k == STRUCT || k == UNION) {
            return i < t.vlen(id) ? t.words[t.data(id) + 3 * i + 1] : -1;
        }
        if (i > 0) {
            return -1;
        }
        if (k == 3) { // ARRAY
            return t.words[t.data(id)];
        }
        return t.isModifier(id) ? (int) t.sizeOrType(id) : -1;
    }

    /**
     * Pointers and modifiers that lead back to themselves ({@code ptr -> const -> ptr -> ...}) describe no C
     * type; the kernel rejects them as a loop. Each such type has one successor, so colouring finds cycles in
     * linear time.
     */
    private void pointerChains() throws BtfFormatException {
        byte[] state = new byte[t.count]; // 0 unvisited, 1 on the current walk, 2 known to end
        state[0] = 2;
        for (int start = 1; start < t.count; start++) {
            int id = start;
            while (state[id] == 0 && isChainLink(id)) {
                state[id] = 1;
                id = (int) t.sizeOrType(id);
            }
            if (state[id] == 1) {
                throw fail("BTF type #" + id, "pointer or modifier chain loops back to itself");
            }
            for (int walk = start; state[walk] == 1; walk = (int) t.sizeOrType(walk)) {
                state[walk] = 2;
            }
            state[id] = 2;
        }
    }

    private boolean isChainLink(int id) {
        return t.kinds[id] == 2 || t.isModifier(id);
    }

    /** A name for a message: offsets were checked when the words were indexed. */
    private String name(int offset) {
        try {
            return strings.get(offset & U32_MAX);
        } catch (ObjectFormatException e) {
            return "?";
        }
    }

    private static BtfFormatException fail(String what, String message) {
        return new BtfFormatException(what, -1, message);
    }
}
