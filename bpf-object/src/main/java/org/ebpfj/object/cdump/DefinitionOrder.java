package org.ebpfj.object.cdump;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;

/**
 * The order in which named types must be defined for C to accept them: a depth-first topological sort in which a
 * dependency is either <em>strong</em> (the type must be complete first: it is embedded, or it is an anonymous
 * type written inline) or <em>weak</em> (it is only reached through a pointer, so a forward declaration will do).
 * Only strong dependencies order definitions; cycles through pointers are broken by forward declarations
 * when the definitions are written.
 *
 * <p>This follows the rules of libbpf's {@code btf_dump_order_type} (src/btf_dump.c), including its small
 * quirks, so that headers come out in bpftool's order and can be compared with theirs line by line.
 */
final class DefinitionOrder {
    private static final byte UNSEEN = 0;
    private static final byte IN_PROGRESS = 1;
    private static final byte DONE = 2;
    /**
     * Deeper recursion than this is refused, so hostile BTF cannot overflow the stack (even interpreted). The
     * kernel's BTF needs 12 levels.
     */
    private static final int MAX_DEPTH = 256;

    private final Btf btf;
    private final byte[] state;
    private final boolean[] referenced;

    DefinitionOrder(Btf btf) {
        this.btf = btf;
        this.state = new byte[btf.typeCount()];
        this.state[0] = DONE;
        this.referenced = referencedTypes(btf);
    }

    /**
     * The named types to define, in order, so that {@code id} and everything it needs is defined; types placed
     * by an earlier call are not repeated.
     */
    List<Integer> definitionsFor(int id) throws BtfFormatException {
        List<Integer> order = new ArrayList<>();
        visit(id, false, order, 0);
        return order;
    }

    /** Returns whether {@code id} is a strong dependency of whatever led to it. */
    private boolean visit(int id, boolean behindPointer, List<Integer> order, int depth) throws BtfFormatException {
        if (state[id] == DONE) {
            return true;
        }
        BtfType t = btf.type(id);
        if (state[id] == IN_PROGRESS) {
            if (t instanceof Composite && behindPointer && !t.name().isEmpty()) {
                return false;
            }
            throw new BtfFormatException("BTF type #" + id, -1, "type cycle that no forward declaration can break ("
                    + t.kind() + " '" + t.name() + "')");
        }
        if (depth > MAX_DEPTH) {
            throw new BtfFormatException("BTF type #" + id, -1, "types nested deeper than " + MAX_DEPTH);
        }
        switch (t.kind()) {
            case INT:
            case FLOAT:
                // Weak the first time, strong afterwards (DONE): libbpf's behaviour, kept for the same order.
                state[id] = DONE;
                return false;
            case PTR: {
                boolean strong = visit(((BtfType.Ptr) t).type(), true, order, depth + 1);
                state[id] = DONE;
                return strong;
            }
            case ARRAY:
                return visit(((BtfType.Array) t).elementType(), false, order, depth + 1);
            case STRUCT:
            case UNION:
                if (behindPointer && !t.name().isEmpty()) {
                    return false;
                }
                state[id] = IN_PROGRESS;
                for (Member m : ((Composite) t).members()) {
                    visit(m.type(), false, order, depth + 1);
                }
                return defined(id, !t.name().isEmpty(), order);
            case ENUM:
            case ENUM64:
            case FWD:
                // An anonymous enum nobody refers to declares constants; referenced ones are written inline.
                return defined(id, !t.name().isEmpty() || !referenced[id], order);
            case TYPEDEF: {
                boolean strong = visit(((Modifier) t).type(), behindPointer, order, depth + 1);
                if (behindPointer && !strong) {
                    return false;
                }
                return defined(id, true, order);
            }
            case CONST:
            case VOLATILE:
            case RESTRICT:
            case TYPE_TAG:
                return visit(((Modifier) t).type(), behindPointer, order, depth + 1);
            case FUNC_PROTO: {
                BtfType.FuncProto proto = (BtfType.FuncProto) t;
                boolean strong = visit(proto.returnType(), behindPointer, order, depth + 1);
                for (BtfType.Param p : proto.params()) {
                    strong |= visit(p.type(), behindPointer, order, depth + 1);
                }
                return strong;
            }
            default:
                // Functions, variables, data sections and declaration tags have no C type definition.
                state[id] = DONE;
                return false;
        }
    }

    /**
     * Marks {@code id} as placed, adding it to the order when it gets a definition of its own (an anonymous struct
     * is written inline where it is used); a defined type is a strong dependency.
     */
    private boolean defined(int id, boolean ownDefinition, List<Integer> order) {
        if (ownDefinition) {
            order.add(id);
        }
        state[id] = DONE;
        return true;
    }

    /** Types that some other type refers to; the others are top-level declarations. */
    private static boolean[] referencedTypes(Btf btf) {
        boolean[] referenced = new boolean[btf.typeCount()];
        for (BtfType t : btf.types()) {
            if (t instanceof Modifier) {
                referenced[((Modifier) t).type()] = true;
            } else if (t instanceof BtfType.Ptr) {
                referenced[((BtfType.Ptr) t).type()] = true;
            } else if (t instanceof BtfType.Array) {
                referenced[((BtfType.Array) t).elementType()] = true;
                referenced[((BtfType.Array) t).indexType()] = true;
            } else if (t instanceof Composite) {
                for (Member m : ((Composite) t).members()) {
                    referenced[m.type()] = true;
                }
            } else if (t instanceof BtfType.FuncProto) {
                for (BtfType.Param p : ((BtfType.FuncProto) t).params()) {
                    referenced[p.type()] = true;
                }
            } else if (t instanceof BtfType.Func) {
                referenced[((BtfType.Func) t).proto()] = true;
            } else if (t instanceof BtfType.Var) {
                referenced[((BtfType.Var) t).type()] = true;
            } else if (t instanceof BtfType.DeclTag) {
                referenced[((BtfType.DeclTag) t).type()] = true;
            } else if (t instanceof BtfType.Datasec) {
                for (BtfType.SecInfo v : ((BtfType.Datasec) t).variables()) {
                    referenced[v.type()] = true;
                }
            }
        }
        return referenced;
    }
}
