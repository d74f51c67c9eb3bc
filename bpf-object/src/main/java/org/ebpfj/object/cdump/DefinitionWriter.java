package org.ebpfj.object.cdump;

import java.util.BitSet;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;

/**
 * Writes top-level definitions in the order {@link DefinitionOrder} found, adding the forward declarations
 * (and early typedefs) that cycles through pointers need: while a struct is being defined, a reference back to
 * it from one of its members' types gets {@code struct name;} first.
 *
 * <p>Each type is written once. A named struct met while defining another is only declared, never defined
 * there; its definition comes at its own turn in the order.
 */
final class DefinitionWriter {
    private static final byte NOT_WRITTEN = 0;
    private static final byte WRITING = 1;
    private static final byte WRITTEN = 2;
    /** Deeper recursion than this is refused (see DefinitionOrder); the kernel's BTF needs 7 levels. */
    private static final int MAX_DEPTH = 256;
    /** A compiler built-in: redefining it breaks compilation with another compiler than the kernel's. */
    private static final String BUILTIN_VA_LIST = "__builtin_va_list";
    /**
     * GCC's internal ARM SIMD types, which BTF mentions by name but no header defines: alias them to the
     * integers they are.
     */
    private static final String[][] MISSING_BASE_TYPES = {
        {"__Poly8_t", "unsigned char"},
        {"__Poly16_t", "unsigned short"},
        {"__Poly64_t", "unsigned long long"},
        {"__Poly128_t", "unsigned __int128"},
    };

    private final Btf btf;
    private final CDeclarations declarations;
    private final StringBuilder out;
    private final byte[] state;
    private final boolean[] forwardDeclared;
    private final BitSet defined;

    DefinitionWriter(Btf btf, CDeclarations declarations, StringBuilder out) {
        this.btf = btf;
        this.declarations = declarations;
        this.out = out;
        this.state = new byte[btf.typeCount()];
        this.state[0] = WRITTEN;
        this.forwardDeclared = new boolean[btf.typeCount()];
        this.defined = new BitSet(btf.typeCount());
    }

    /** Ids of the structs, unions, enums and typedefs whose definitions were written (not only declared). */
    BitSet defined() {
        return defined;
    }

    /** Writes the top-level definition of {@code id}, preceded by whatever declarations it still needs. */
    void define(int id) throws BtfFormatException {
        write(id, 0, 0);
    }

    /**
     * @param container the named struct or typedef being defined when we got here, or 0 at top level; anonymous
     *                  types are written inside it, and a reference back to it needs no forward declaration
     */
    private void write(int id, int container, int depth) throws BtfFormatException {
        if (state[id] == WRITTEN) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new BtfFormatException("BTF type #" + id, -1, "types nested deeper than " + MAX_DEPTH);
        }
        BtfType t = btf.type(id);
        if (state[id] == WRITING) {
            declareEarly(id, t, container);
            return;
        }
        boolean topLevel = container == 0;
        switch (t.kind()) {
            case INT:
                aliasMissingBaseType(t);
                state[id] = WRITTEN;
                break;
            case ENUM:
            case ENUM64:
                if (topLevel) {
                    statement(declarations.enumDefinition(t, 0));
                    defined.set(id);
                }
                state[id] = WRITTEN;
                break;
            case PTR:
                write(((BtfType.Ptr) t).type(), container, depth + 1);
                break;
            case CONST:
            case VOLATILE:
            case RESTRICT:
            case TYPE_TAG:
                write(((Modifier) t).type(), container, depth + 1);
                break;
            case ARRAY:
                write(((BtfType.Array) t).elementType(), container, depth + 1);
                break;
            case FWD:
                statement(declarations.forwardDeclaration(id));
                state[id] = WRITTEN;
                break;
            case TYPEDEF:
                state[id] = WRITING;
                write(((Modifier) t).type(), id, depth + 1);
                // A pointer cycle may already have written the typedef (see declareEarly).
                if (!forwardDeclared[id] && !isBuiltin(t)) {
                    statement(declarations.typedefDefinition((BtfType.Typedef) t));
                    defined.set(id);
                }
                state[id] = WRITTEN;
                break;
            case STRUCT:
            case UNION:
                writeComposite(id, (Composite) t, container, depth);
                break;
            case FUNC_PROTO: {
                BtfType.FuncProto proto = (BtfType.FuncProto) t;
                write(proto.returnType(), container, depth + 1);
                for (BtfType.Param p : proto.params()) {
                    write(p.type(), container, depth + 1);
                }
                break;
            }
            default:
                break;
        }
    }

    private void writeComposite(int id, Composite c, int container, int depth) throws BtfFormatException {
        boolean topLevel = container == 0;
        boolean anonymous = c.name().isEmpty();
        state[id] = WRITING;
        if (topLevel || anonymous) {
            // All member types get written out in full here, so what they need must come first.
            int inner = anonymous ? container : id;
            for (Member m : c.members()) {
                write(m.type(), inner, depth + 1);
            }
        } else if (!forwardDeclared[id] && id != container) {
            statement(declarations.compositeReference(id));
            forwardDeclared[id] = true;
        }
        if (topLevel) {
            statement(declarations.compositeDefinition(c, 0));
            defined.set(id);
            state[id] = WRITTEN;
        } else {
            state[id] = NOT_WRITTEN;
        }
    }

    /**
     * We are inside the definition of {@code id} and met it again through a pointer: a struct needs a forward
     * declaration; a typedef is written now (it can serve pointers before its target is complete).
     */
    private void declareEarly(int id, BtfType t, int container) throws BtfFormatException {
        if (forwardDeclared[id]) {
            return;
        }
        if (t instanceof Composite) {
            if (id == container || t.name().isEmpty()) {
                return;
            }
            statement(declarations.compositeReference(id));
            forwardDeclared[id] = true;
        } else if (t instanceof BtfType.Typedef) {
            if (!isBuiltin(t)) {
                statement(declarations.typedefDefinition((BtfType.Typedef) t));
                defined.set(id);
            }
            forwardDeclared[id] = true;
        }
    }

    private void aliasMissingBaseType(BtfType t) {
        for (String[] alias : MISSING_BASE_TYPES) {
            if (alias[0].equals(t.name())) {
                statement("typedef " + alias[1] + " " + alias[0]);
            }
        }
    }

    private static boolean isBuiltin(BtfType t) {
        return BUILTIN_VA_LIST.equals(t.name());
    }

    private void statement(String text) {
        out.append(text).append(";\n\n");
    }
}
