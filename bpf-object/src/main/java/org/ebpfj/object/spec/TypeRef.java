package org.ebpfj.object.spec;

import java.util.OptionalLong;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/** A BTF type of a map's key or value, with the BTF it lives in, so callers can walk its layout. */
public record TypeRef(Btf btf, int id) {

    public BtfType type() {
        return btf.type(id);
    }

    /** The type with typedefs and qualifiers removed. */
    public BtfType resolved() {
        return btf.resolve(id);
    }

    public OptionalLong size() {
        return btf.sizeOf(id);
    }

    /** A C-like name for messages, e.g. {@code struct event} or {@code __u32}. */
    public String describe() {
        return btf.describe(id);
    }

    @Override
    public String toString() {
        return describe();
    }
}
